package com.hdcompose.app.window;

import com.hdcompose.app.actions.EditorActions;
import com.hdcompose.app.actions.EditorMenus;
import com.hdcompose.app.actions.ToolStrip;
import com.hdcompose.app.canvas.CanvasInteraction;
import com.hdcompose.app.canvas.CanvasView;
import com.hdcompose.app.export.ExportAction;
import com.hdcompose.app.fx.FxTaskExecutor;
import com.hdcompose.app.knn.KCompareWindow;
import com.hdcompose.app.notify.Notifier;
import com.hdcompose.app.panels.EditorStatusBar;
import com.hdcompose.app.panels.InspectorPanel;
import com.hdcompose.app.panels.LayersPanel;
import com.hdcompose.app.panels.TransformFields;
import com.hdcompose.engine.project.CompositePair;
import com.hdcompose.app.preview.PreviewController;
import com.hdcompose.app.project.AutosaveController;
import com.hdcompose.app.project.DropSupport;
import com.hdcompose.app.project.ImportActions;
import com.hdcompose.app.project.ProjectActions;
import com.hdcompose.app.session.EditorSession;
import com.hdcompose.engine.document.CompositionDocument;
import com.hdcompose.engine.document.DemoScene;
import com.hdcompose.engine.document.MaskFeather;
import com.hdcompose.engine.document.ObjectLayer;
import com.hdcompose.engine.imaging.ManagedMat;
import com.hdcompose.engine.task.BackgroundTask;
import com.hdcompose.engine.harmonize.HarmonizerResolver;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.Scene;
import javafx.geometry.Pos;
import javafx.scene.control.MenuBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The editor's main window: menus and tool bar on top, the canvas in the middle, the inspector on the right and
 * the status bar below. Owns the session, the background executors and the controllers that tie them together.
 */
public final class EditorWindow extends BorderPane implements EditorActions {
    private final AppServices services;
    private final EditorSession session;
    private final FxTaskExecutor previewExecutor = new FxTaskExecutor("hdcompose-preview", 1);
    private final FxTaskExecutor io = new FxTaskExecutor("hdcompose-io", 1);
    private final HarmonizerResolver resolver;
    private final PreviewController preview;
    private final CanvasView canvas;
    private final CanvasInteraction interaction;
    private final Notifier notifier;
    private final ImportActions imports;
    private final ProjectActions projects;
    private final ExportAction exporter;
    private final KCompareWindow kCompare;
    private final AutosaveController autosave;
    private final InspectorPanel inspector;
    private final LayersPanel layers;
    private final TransformFields transform;
    private Stage stage;

    public EditorWindow(AppServices services, CompositionDocument document) {
        this(services, document, Duration.millis(com.hdcompose.engine.project.RecoveryStore.INTERVAL_MILLIS));
    }

    public EditorWindow(AppServices services, CompositionDocument document, Duration autosaveInterval) {
        this.services = services;
        this.session = new EditorSession(document);
        this.notifier = new Notifier();
        this.resolver = new HarmonizerResolver(services.harmonizers());
        this.preview = new PreviewController(document, resolver, previewExecutor, notifier);
        this.canvas = new CanvasView(session, preview);
        this.interaction = new CanvasInteraction(canvas);
        this.imports = new ImportActions(session, io, notifier, canvas);
        this.projects = new ProjectActions(session, io, notifier, services.recentFiles(), canvas::fitLater);
        this.exporter = new ExportAction(session, resolver, io, notifier);
        this.kCompare = new KCompareWindow(session, resolver, io, notifier);
        this.autosave = new AutosaveController(session, services.recovery(), io, autosaveInterval);
        this.inspector = new InspectorPanel(session, services.harmonizers().modelIds(), this::compareK);
        this.layers = new LayersPanel(session, () -> chooseImage(ImportActions.Target.OBJECT));
        this.transform = new TransformFields(session);
        MenuBar menus = EditorMenus.build(this);
        setTop(new VBox(menus, new ToolStrip(this)));
        StackPane centre = new StackPane(canvas, notifier.area());
        StackPane.setAlignment(notifier.area(), Pos.TOP_RIGHT);
        setCenter(centre);
        VBox layerSide = new VBox(layers, transform);
        layerSide.getStyleClass().addAll("inspector", "layers-side");
        layerSide.setPrefWidth(230);
        setLeft(layerSide);
        setRight(inspector);
        setBottom(new EditorStatusBar(session, preview, canvas, io));
        DropSupport.install(canvas, imports, projects);
        getStyleClass().add("editor-window");
        session.revisionProperty().addListener((o, a, b) -> canvas.repaint());
    }

    /** Puts the editor into {@code stage}: scene, title, keys, close prompt, autosave, first preview. */
    public Scene attach(Stage stage, double width, double height) {
        this.stage = stage;
        Scene scene = new Scene(this, width, height);
        var css = EditorWindow.class.getResource("/com/hdcompose/app/editor.css");
        if (css != null) {
            scene.getStylesheets().add(css.toExternalForm());
        }
        KeyboardShortcuts.install(scene, session, interaction);
        projects.setOwner(stage);
        exporter.setOwner(stage);
        stage.setScene(scene);
        stage.titleProperty().bind(Bindings.createStringBinding(() -> "HD Compose — " + projects.displayName()
                + (session.dirtyProperty().get() ? " •" : ""), session.fileProperty(), session.dirtyProperty()));
        stage.setOnCloseRequest(e -> {
            e.consume();
            requestClose();
        });
        autosave.start();
        preview.refresh();
        Platform.runLater(canvas::requestFocus);
        return scene;
    }

    /** Quit / window close: offers to save, then closes and removes the recovery file. */
    @Override
    public void quit() {
        requestClose();
    }

    /** Offers to save, then closes the window and removes the recovery file. */
    public void requestClose() {
        projects.confirmDiscard(proceed -> {
            if (proceed) {
                shutdown();
                if (stage != null) {
                    stage.close();
                }
            }
        });
    }

    /** Stops background work; the recovery file is deleted because the user chose what to keep. */
    public void shutdown() {
        autosave.stopAndDiscard();
        canvas.dispose();
        preview.close();
        previewExecutor.close();
        io.close();
    }

    @Override
    public void chooseImage(ImportActions.Target target) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(target == ImportActions.Target.BACKGROUND ? "Open background" : "Add object");
        List<String> patterns = new ArrayList<>(List.of("*.png", "*.jpg", "*.jpeg", "*.tif", "*.tiff", "*.bmp", "*.webp"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Images", patterns));
        File f = chooser.showOpenDialog(stage);
        if (f != null) {
            imports.openFile(f.toPath(), target);
        }
    }

    @Override
    public void openCompositeWithMask() {
        FileChooser chooser = imageChooser("Open composite (its NAME_mask file is picked up when it lies beside it)");
        File comp = chooser.showOpenDialog(stage);
        if (comp == null) {
            return;
        }
        CompositePair pair = CompositePair.besides(comp.toPath()).orElse(null);
        if (pair == null) {
            File mask = imageChooser("Open the mask of " + comp.getName()).showOpenDialog(stage);
            if (mask == null) {
                return;
            }
            pair = new CompositePair(comp.toPath(), mask.toPath());
        }
        imports.openCompositeWithMask(pair.composite(), pair.mask());
    }

    private static FileChooser imageChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Images",
                List.of("*.png", "*.jpg", "*.jpeg", "*.tif", "*.tiff", "*.bmp", "*.webp")));
        return chooser;
    }

    @Override
    public void exportMask() {
        exporter.exportMaskInteractively();
    }

    @Override
    public void focusTransform() {
        transform.focusFirst();
    }

    @Override
    public void featherMask() {
        ObjectLayer layer = session.document().object().orElse(null);
        if (layer == null) {
            notifier.warn("Select a layer to feather its mask edge");
            return;
        }
        ManagedMat mask = layer.mask().copy();
        double radius = MaskFeather.radiusFor(layer);
        BackgroundTask<ManagedMat> task = BackgroundTask.of("Feather mask", ctx -> {
            try (mask) {
                return MaskFeather.feathered(mask, radius);
            }
        });
        task.onSuccess(feathered -> {
            try (feathered) {
                if (session.document().layers().contains(layer)) {
                    session.execute(MaskFeather.command(layer, feathered));
                }
            }
        }).onFailure(e -> notifier.error("Could not feather the mask", e));
        io.execute(task);
    }

    @Override
    public void duplicateLayer() {
        layers.duplicate();
    }

    @Override
    public void deleteLayer() {
        layers.delete();
    }

    @Override
    public void moveLayer(int direction) {
        layers.move(direction);
    }

    public LayersPanel layers() {
        return layers;
    }

    public TransformFields transform() {
        return transform;
    }

    @Override
    public void openDemo() {
        if (services.assetsDir().isEmpty()) {
            notifier.error("The demo scene is not installed (no assets folder found)");
            return;
        }
        projects.confirmDiscard(proceed -> {
            if (proceed) {
                try {
                    session.replaceDocument(DemoScene.load(services.assetsDir().get()), null, false);
                    canvas.fitLater();
                } catch (RuntimeException e) {
                    notifier.error("Could not open the demo scene", e);
                }
            }
        });
    }

    @Override
    public void paste(ImportActions.Target target) {
        imports.paste(target);
    }

    @Override
    public void openProject() {
        projects.openWithChooser();
    }

    @Override
    public List<Path> recentProjects() {
        return projects.recentFiles().list();
    }

    @Override
    public void openRecent(Path project) {
        projects.openWithPrompt(project);
    }

    @Override
    public void save() {
        projects.save(ok -> { });
    }

    @Override
    public void saveAs() {
        projects.saveAs(ok -> { });
    }

    @Override
    public void exportImage() {
        exporter.exportInteractively();
    }

    @Override
    public void fitToWindow() {
        canvas.fitToWindow();
    }

    @Override
    public void actualSize() {
        canvas.actualSize();
    }

    @Override
    public void compareK() {
        kCompare.show(stage);
    }

    @Override
    public void zoomBy(double factor) {
        canvas.viewTransform().zoomAt(factor, canvas.getWidth() / 2, canvas.getHeight() / 2);
        canvas.zoomChanged();
    }

    @Override
    public EditorSession session() {
        return session;
    }

    public CanvasView canvas() {
        return canvas;
    }

    public PreviewController preview() {
        return preview;
    }

    public Notifier notifier() {
        return notifier;
    }

    public ImportActions imports() {
        return imports;
    }

    public ProjectActions projects() {
        return projects;
    }

    public ExportAction exporter() {
        return exporter;
    }

    public KCompareWindow kCompare() {
        return kCompare;
    }

    public AutosaveController autosave() {
        return autosave;
    }

    public InspectorPanel inspector() {
        return inspector;
    }

    public Stage stage() {
        return stage;
    }
}
