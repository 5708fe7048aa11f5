package com.hdcompose.app.actions;

import com.hdcompose.app.session.EditorSession;
import com.hdcompose.app.session.Tool;
import java.util.Map;
import javafx.scene.control.Button;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import org.controlsfx.control.SegmentedButton;

/** The top tool bar: Move / Brush / Eraser, undo and redo, fit and 100 %. */
public final class ToolStrip extends ToolBar {
    public ToolStrip(EditorActions w) {
        EditorSession s = w.session();
        ToggleButton move = tool("Move", "tool-move", "Move, scale (corners, Shift keeps aspect) and rotate  (V)");
        ToggleButton brush = tool("Brush", "tool-brush", "Paint the object's mask  (B, [ and ] change the size)");
        ToggleButton eraser = tool("Eraser", "tool-eraser", "Erase the object's mask  (E)");
        Map<ToggleButton, Tool> tools = Map.of(move, Tool.MOVE, brush, Tool.BRUSH, eraser, Tool.ERASER);
        SegmentedButton group = new SegmentedButton(move, brush, eraser);
        move.setSelected(true);
        group.getToggleGroup().selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true);
            } else {
                s.toolProperty().set(tools.get((ToggleButton) b));
            }
        });
        s.toolProperty().addListener((o, a, b) -> tools.forEach((button, tool) -> button.setSelected(tool == b)));
        Button undo = button("Undo", "undo", "Undo  (Ctrl+Z)", s::undo);
        Button redo = button("Redo", "redo", "Redo  (Ctrl+Shift+Z / Ctrl+Y)", s::redo);
        s.historyVersionProperty().addListener((o, a, b) -> {
            undo.setDisable(!s.history().canUndo());
            redo.setDisable(!s.history().canRedo());
        });
        undo.setDisable(true);
        redo.setDisable(true);
        getItems().addAll(group, new Separator(), undo, redo, new Separator(),
                button("Fit", "zoom-fit", "Fit to window  (Ctrl+0)", w::fitToWindow),
                button("100 %", "zoom-100", "Actual size  (Ctrl+1)", w::actualSize));
    }

    private static ToggleButton tool(String text, String id, String tip) {
        ToggleButton b = new ToggleButton(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        return b;
    }

    private static Button button(String text, String id, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }
}
