package com.hdcompose.app.actions;

import com.hdcompose.app.project.ImportActions;
import com.hdcompose.app.session.EditorSession;
import com.hdcompose.app.session.KnnViewMode;
import com.hdcompose.app.session.Tool;
import com.hdcompose.app.session.ViewOptions;
import java.nio.file.Path;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;

/** The menu bar: File, Edit, View, Layer and Tools, with the editor's keyboard accelerators. */
public final class EditorMenus {
    private EditorMenus() {
    }

    public static MenuBar build(EditorActions w) {
        MenuBar bar = new MenuBar(file(w), edit(w), view(w), layer(w), tools(w));
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private static Menu file(EditorActions w) {
        Menu recent = new Menu("Open Recent");
        recent.setOnShowing(e -> fillRecent(recent, w));
        fillRecent(recent, w);
        return new Menu("File", null,
                item("Open Background…", "Shortcut+Shift+B", () -> w.chooseImage(ImportActions.Target.BACKGROUND)),
                item("Add Object…", "Shortcut+Shift+O", () -> w.chooseImage(ImportActions.Target.OBJECT)),
                item("Open Composite with Mask…", "Shortcut+Shift+M", w::openCompositeWithMask),
                new SeparatorMenuItem(),
                item("Open Project…", "Shortcut+O", w::openProject),
                recent,
                item("Open Demo Scene", null, w::openDemo),
                new SeparatorMenuItem(),
                item("Save", "Shortcut+S", w::save),
                item("Save As…", "Shortcut+Shift+S", w::saveAs),
                item("Export Image…", "Shortcut+E", w::exportImage),
                item("Export Mask of Selected Layer…", null, w::exportMask),
                new SeparatorMenuItem(),
                item("Quit", "Shortcut+Q", w::quit));
    }

    private static void fillRecent(Menu recent, EditorActions w) {
        recent.getItems().clear();
        for (Path p : w.recentProjects()) {
            recent.getItems().add(item(p.getFileName().toString(), null, () -> w.openRecent(p)));
        }
        if (recent.getItems().isEmpty()) {
            MenuItem none = new MenuItem("No recent projects");
            none.setDisable(true);
            recent.getItems().add(none);
        }
    }

    private static Menu edit(EditorActions w) {
        EditorSession s = w.session();
        MenuItem undo = item("Undo", "Shortcut+Z", s::undo);
        MenuItem redo = item("Redo", "Shortcut+Shift+Z", s::redo);
        MenuItem redoY = item("Redo (Ctrl+Y)", "Shortcut+Y", s::redo);
        s.historyVersionProperty().addListener((o, a, b) -> {
            undo.setText(s.history().undoLabel().map(l -> "Undo " + l).orElse("Undo"));
            redo.setText(s.history().redoLabel().map(l -> "Redo " + l).orElse("Redo"));
            undo.setDisable(!s.history().canUndo());
            redo.setDisable(!s.history().canRedo());
            redoY.setDisable(!s.history().canRedo());
        });
        undo.setDisable(true);
        redo.setDisable(true);
        redoY.setDisable(true);
        return new Menu("Edit", null, undo, redo, redoY, new SeparatorMenuItem(),
                item("Paste as Object", "Shortcut+V", () -> w.paste(ImportActions.Target.OBJECT)),
                item("Paste as Background", "Shortcut+Shift+V", () -> w.paste(ImportActions.Target.BACKGROUND)));
    }

    private static Menu view(EditorActions w) {
        ViewOptions v = w.session().view();
        CheckMenuItem split = new CheckMenuItem("Before / After Split");
        split.selectedProperty().bindBidirectional(v.splitViewProperty());
        split.setAccelerator(KeyCombination.keyCombination("Shortcut+D"));
        CheckMenuItem mask = new CheckMenuItem("Mask Overlay");
        mask.selectedProperty().bindBidirectional(v.maskOverlayProperty());
        mask.setAccelerator(KeyCombination.keyCombination("Shortcut+M"));
        Menu knn = new Menu("K-Neighbour View");
        ToggleGroup group = new ToggleGroup();
        for (KnnViewMode mode : KnnViewMode.values()) {
            RadioMenuItem r = new RadioMenuItem(switch (mode) {
                case OFF -> "Off";
                case POINTER -> "Cell Under Pointer";
                case ALL -> "All Cells";
            });
            r.setToggleGroup(group);
            r.setSelected(v.knnModeProperty().get() == mode);
            r.setOnAction(e -> v.knnModeProperty().set(mode));
            v.knnModeProperty().addListener((o, a, b) -> r.setSelected(b == mode));
            knn.getItems().add(r);
        }
        return new Menu("View", null,
                item("Fit to Window", "Shortcut+0", w::fitToWindow),
                item("Actual Size (100 %)", "Shortcut+1", w::actualSize),
                item("Zoom In", "Shortcut+Equals", () -> w.zoomBy(1.25)),
                item("Zoom Out", "Shortcut+Minus", () -> w.zoomBy(0.8)),
                new SeparatorMenuItem(), split, mask, knn,
                item("Compare K = 1 · 5 · 9", "Shortcut+K", w::compareK));
    }

    private static Menu tools(EditorActions w) {
        EditorSession s = w.session();
        return new Menu("Tools", null,
                item("Move / Scale / Rotate", "V", () -> s.toolProperty().set(Tool.MOVE)),
                item("Mask Brush", "B", () -> s.toolProperty().set(Tool.BRUSH)),
                item("Mask Eraser", "E", () -> s.toolProperty().set(Tool.ERASER)),
                item("Swap Brush / Eraser", "X", s::swapBrushAndEraser),
                item("Transform (X / Y / Scale / Angle)", "Shortcut+T", w::focusTransform));
    }

    private static Menu layer(EditorActions w) {
        return new Menu("Layer", null,
                item("Add Object…", null, () -> w.chooseImage(ImportActions.Target.OBJECT)),
                item("Duplicate Layer", "Shortcut+J", w::duplicateLayer),
                item("Delete Layer", null, w::deleteLayer),
                item("Feather Mask Edge", "Shortcut+Shift+F", w::featherMask),
                item("Move Layer Up", "Shortcut+CLOSE_BRACKET", () -> w.moveLayer(1)),
                item("Move Layer Down", "Shortcut+OPEN_BRACKET", () -> w.moveLayer(-1)));
    }

    static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem m = new MenuItem(text);
        if (accelerator != null) {
            m.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        m.setOnAction(e -> action.run());
        return m;
    }
}
