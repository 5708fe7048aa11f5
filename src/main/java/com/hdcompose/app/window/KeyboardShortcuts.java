package com.hdcompose.app.window;

import com.hdcompose.app.canvas.CanvasInteraction;
import com.hdcompose.app.session.EditorSession;
import com.hdcompose.engine.document.Placement;
import com.hdcompose.engine.document.ValueCommand;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Slider;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Editor keys that are not menu accelerators: arrow nudges (Shift: 10 px), [ and ] for brush size, hold \ to flash
 * the original, hold Space to pan. Keys typed into text fields, sliders or pickers are left alone.
 */
public final class KeyboardShortcuts {
    private KeyboardShortcuts() {
    }

    static void install(Scene scene, EditorSession session, CanvasInteraction interaction) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() || e.isAltDown() || ownsKeys(scene.getFocusOwner())) {
                return;
            }
            switch (e.getCode()) {
                case LEFT, RIGHT, UP, DOWN -> {
                    nudge(session, e.getCode(), e.isShiftDown() ? 10 : 1);
                    e.consume();
                }
                case OPEN_BRACKET -> {
                    session.stepBrushSize(-1);
                    e.consume();
                }
                case CLOSE_BRACKET -> {
                    session.stepBrushSize(1);
                    e.consume();
                }
                case BACK_SLASH -> {
                    session.view().flashOriginalProperty().set(true);
                    e.consume();
                }
                case SPACE -> {
                    interaction.setSpaceDown(true);
                    e.consume();
                }
                default -> { }
            }
        });
        scene.addEventFilter(KeyEvent.KEY_RELEASED, e -> {
            if (e.getCode() == KeyCode.BACK_SLASH) {
                session.view().flashOriginalProperty().set(false);
            } else if (e.getCode() == KeyCode.SPACE) {
                interaction.setSpaceDown(false);
            }
        });
    }

    public static void nudge(EditorSession session, KeyCode code, double step) {
        session.document().object().ifPresent(layer -> {
            Placement before = layer.placement();
            Placement after = switch (code) {
                case LEFT -> before.movedBy(-step, 0);
                case RIGHT -> before.movedBy(step, 0);
                case UP -> before.movedBy(0, -step);
                default -> before.movedBy(0, step);
            };
            session.execute(ValueCommand.placement(layer, "Nudge object", before, after, ValueCommand.NUDGE));
        });
    }

    private static boolean ownsKeys(Node focus) {
        return focus instanceof TextInputControl || focus instanceof Slider || focus instanceof ComboBoxBase<?>;
    }
}
