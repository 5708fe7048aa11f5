package com.hdcompose.app.panels;

import com.hdcompose.app.preview.ModelNames;
import com.hdcompose.app.session.EditorSession;
import com.hdcompose.app.session.KnnViewMode;
import com.hdcompose.app.session.ViewOptions;
import com.hdcompose.engine.document.CompositionDocument;
import com.hdcompose.engine.document.DocumentListener;
import com.hdcompose.engine.document.ValueCommand;
import com.hdcompose.engine.harmonize.HarmonizeOptions;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SegmentedButton;

/** The right-hand panel: model, strength, K and working size (all undoable), view toggles and brush settings. */
public final class InspectorPanel extends VBox {
    final ComboBox<String> model = new ComboBox<>();
    public final Slider strength = slider(0, 100, 100, "strength-slider");
    public final Slider k = slider(1, 9, 5, "k-slider");
    final ChoiceBox<Integer> workingSize = new ChoiceBox<>();
    final Button compareK = new Button("Compare K = 1 · 5 · 9");
    private final EditorSession session;
    private boolean syncing;

    public InspectorPanel(EditorSession session, List<String> modelIds, Runnable onCompareK) {
        this.session = session;
        getStyleClass().add("inspector");
        setSpacing(6);
        setPadding(new Insets(10));
        setPrefWidth(260);
        setMinWidth(240);
        model.getItems().setAll(modelIds);
        model.setId("model-picker");
        model.setMaxWidth(Double.MAX_VALUE);
        model.setCellFactory(v -> new ModelCell());
        model.setButtonCell(new ModelCell());
        k.setMajorTickUnit(1);
        k.setMinorTickCount(0);
        k.setSnapToTicks(true);
        k.setBlockIncrement(1);
        workingSize.getItems().setAll(256, 384, 512, 768, 1024);
        workingSize.setId("working-size");
        compareK.setId("compare-k");
        compareK.setMaxWidth(Double.MAX_VALUE);
        compareK.setOnAction(e -> onCompareK.run());
        sync();
        session.document().addListener((change, region) -> {
            if (change == DocumentListener.Change.SETTINGS || change == DocumentListener.Change.REPLACED
                    || change == DocumentListener.Change.SELECTION || change == DocumentListener.Change.OBJECT) {
                sync();
            }
        });
        model.valueProperty().addListener((o, a, b) -> edit("Choose model", null, s -> s.withModel(b)));
        strength.valueProperty().addListener((o, a, b) ->
                edit("Change strength", "strength", s -> s.withStrength(Math.round(b.doubleValue()) / 100.0)));
        k.valueProperty().addListener((o, a, b) -> edit("Change K", "k", s -> s.withK((int) Math.round(b.doubleValue()))));
        workingSize.valueProperty().addListener((o, a, b) -> edit("Change working size", null, s -> s.withWorkingSize(b)));
        getChildren().addAll(
                heading("Harmonization"), new Label("Model"), model,
                valueLabel("Strength", strength, "%.0f %%"), strength,
                valueLabel("K neighbours", k, "%.0f"), k,
                new Label("Working resolution (long side)"), workingSize,
                new Separator(), heading("View"), viewControls(), compareK,
                new Separator(), heading("Brush"), brushControls());
    }

    private VBox viewControls() {
        ViewOptions v = session.view();
        ToggleButton split = toggle("Before / After split", "split-toggle");
        split.selectedProperty().bindBidirectional(v.splitViewProperty());
        ToggleButton mask = toggle("Mask overlay", "mask-toggle");
        mask.selectedProperty().bindBidirectional(v.maskOverlayProperty());
        ToggleButton off = toggle("Off", "knn-off");
        ToggleButton pointer = toggle("Pointer", "knn-pointer");
        ToggleButton all = toggle("All cells", "knn-all");
        SegmentedButton knn = new SegmentedButton(off, pointer, all);
        Map<ToggleButton, KnnViewMode> modes = Map.of(off, KnnViewMode.OFF, pointer, KnnViewMode.POINTER, all, KnnViewMode.ALL);
        off.setSelected(true);
        knn.getToggleGroup().selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true);
            } else {
                v.knnModeProperty().set(modes.get((ToggleButton) b));
            }
        });
        v.knnModeProperty().addListener((o, a, b) -> modes.forEach((button, mode) -> button.setSelected(mode == b)));
        return new VBox(6, split, mask, new Label("K-neighbour view"), knn);
    }

    private VBox brushControls() {
        Slider size = slider(EditorSession.MIN_BRUSH, EditorSession.MAX_BRUSH, session.brushSizeProperty().get(), "brush-size");
        size.valueProperty().bindBidirectional(session.brushSizeProperty());
        Slider hardness = slider(0, 1, session.brushHardnessProperty().get(), "brush-hardness");
        hardness.valueProperty().bindBidirectional(session.brushHardnessProperty());
        return new VBox(4, valueLabel("Size  ( [ / ] )", size, "%.0f px"), size,
                valueLabel("Hardness", hardness, "%.2f"), hardness);
    }

    private void edit(String label, String mergeKey, UnaryOperator<HarmonizeOptions> change) {
        if (syncing) {
            return;
        }
        CompositionDocument doc = session.document();
        HarmonizeOptions before = doc.settings();
        HarmonizeOptions after;
        try {
            after = change.apply(before);
        } catch (IllegalArgumentException e) {
            sync();
            return;
        }
        if (!after.equals(before)) {
            session.execute(ValueCommand.settings(doc.object().orElse(null), label, before, after, mergeKey));
        }
    }

    private void sync() {
        syncing = true;
        try {
            HarmonizeOptions s = session.document().settings();
            if (!model.getItems().contains(s.model())) {
                model.getItems().add(s.model());
            }
            model.setValue(s.model());
            strength.setValue(s.strength() * 100);
            k.setValue(s.k());
            if (!workingSize.getItems().contains(s.workingSize())) {
                workingSize.getItems().add(s.workingSize());
            }
            workingSize.setValue(s.workingSize());
        } finally {
            syncing = false;
        }
    }

    private static Label heading(String text) {
        Label l = new Label(text.toUpperCase());
        l.getStyleClass().add("inspector-heading");
        return l;
    }

    private static Label valueLabel(String name, Slider slider, String format) {
        Label l = new Label();
        l.textProperty().bind(slider.valueProperty().asString(name + ":  " + format));
        return l;
    }

    private static Slider slider(double min, double max, double value, String id) {
        Slider s = new Slider(min, max, value);
        s.setId(id);
        s.setShowTickMarks(max - min <= 10);
        return s;
    }

    private static ToggleButton toggle(String text, String id) {
        ToggleButton b = new ToggleButton(text);
        b.setId(id);
        b.setMaxWidth(Double.MAX_VALUE);
        return b;
    }

    /** Shows model ids by their product names. */
    private static final class ModelCell extends ListCell<String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : ModelNames.of(item));
        }
    }
}
