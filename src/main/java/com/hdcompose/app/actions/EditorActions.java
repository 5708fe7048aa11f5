package com.hdcompose.app.actions;

import com.hdcompose.app.project.ImportActions;
import com.hdcompose.app.session.EditorSession;
import java.nio.file.Path;
import java.util.List;

/** What the menus and the tool strip can ask the editor to do, so they need not know the window that builds them. */
public interface EditorActions {
    /** The document, history, tool and view state the menus bind to. */
    EditorSession session();

    void chooseImage(ImportActions.Target target);

    void paste(ImportActions.Target target);

    void openProject();

    /** The recent projects, newest first, for the Open Recent menu. */
    List<Path> recentProjects();

    void openRecent(Path project);

    void openDemo();

    void save();

    void saveAs();

    void exportImage();

    void quit();

    void fitToWindow();

    void actualSize();

    void zoomBy(double factor);

    void compareK();

    /** File ▸ Open Composite with Mask: a composite and its mask; the object becomes a layer in place. */
    void openCompositeWithMask();

    /** File ▸ Export Mask of Selected Layer. */
    void exportMask();

    /** Ctrl+T: keyboard focus to the numeric transform fields. */
    void focusTransform();

    /** Layer ▸ Feather Mask Edge: softens the selected layer's mask edge (computed in the background). */
    void featherMask();

    void duplicateLayer();

    void deleteLayer();

    /** Moves the selected layer up (+1) or down (-1). */
    void moveLayer(int direction);
}
