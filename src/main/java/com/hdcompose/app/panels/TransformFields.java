package com.hdcompose.app.panels;

import com.hdcompose.app.session.EditorSession;
import com.hdcompose.engine.document.DocumentListener;
import com.hdcompose.engine.document.ObjectLayer;
import com.hdcompose.engine.document.Placement;
import com.hdcompose.engine.document.ValueCommand;
import java.util.Locale;
import java.util.function.BiFunction;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/**
 * Numeric X / Y / scale / rotation of the selected layer, for exact placement: Enter or leaving a field applies it
 * as one undo step; text that is not a number (or out of range) puts the current value back.
 */
public final class TransformFields extends GridPane {
    public final TextField x = field("transform-x");
    public final TextField y = field("transform-y");
    public final TextField scale = field("transform-scale");
    public final TextField rotation = field("transform-rotation");
    private final EditorSession session;

    public TransformFields(EditorSession session) {
        this.session = session;
        getStyleClass().add("transform-fields");
        setHgap(6);
        setVgap(4);
        setPadding(new Insets(0, 10, 4, 10));
        Label heading = new Label("Transform  (Ctrl+T)");
        heading.getStyleClass().add("inspector-heading");
        add(heading, 0, 0, 2, 1);
        addRow(1, label("X (px)"), x);
        addRow(2, label("Y (px)"), y);
        addRow(3, label("Scale (%)"), scale);
        addRow(4, label("Angle (°)"), rotation);
        bind(x, "Set X", (p, v) -> p.withCentre(v, p.y()));
        bind(y, "Set Y", (p, v) -> p.withCentre(p.x(), v));
        bind(scale, "Set scale", (p, v) -> {
            double f = v / 100 / Math.abs(p.scaleX());
            return p.withScale(p.scaleX() * f, p.scaleY() * f);
        });
        bind(rotation, "Set angle", Placement::withRotation);
        session.document().addListener((change, region) -> {
            if (change != DocumentListener.Change.MASK) {
                sync();
            }
        });
        sync();
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }

    private static TextField field(String id) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(8);
        return f;
    }

    /** Ctrl+T: puts the keyboard into the X field (selected), ready for typing a value. */
    public void focusFirst() {
        x.requestFocus();
        x.selectAll();
    }

    private void bind(TextField field, String label, BiFunction<Placement, Double, Placement> change) {
        field.setOnAction(e -> apply(field, label, change));
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                apply(field, label, change);
            }
        });
    }

    private void apply(TextField field, String label, BiFunction<Placement, Double, Placement> change) {
        ObjectLayer layer = session.document().object().orElse(null);
        if (layer == null) {
            return;
        }
        Placement before = layer.placement();
        try {
            double v = Double.parseDouble(field.getText().strip().replace(',', '.'));
            Placement after = change.apply(before, v);
            if (!after.equals(before)) {
                session.execute(ValueCommand.placement(layer, label, before, after, null));
            }
        } catch (IllegalArgumentException e) {
            // not a number, or a placement the document refuses: show the current value again
        }
        sync();
    }

    private void sync() {
        ObjectLayer layer = session.document().object().orElse(null);
        setDisable(layer == null);
        Placement p = layer == null ? null : layer.placement();
        set(x, p == null ? "" : fmt(p.x()));
        set(y, p == null ? "" : fmt(p.y()));
        set(scale, p == null ? "" : fmt(Math.abs(p.scaleX()) * 100));
        set(rotation, p == null ? "" : fmt(p.rotation()));
    }

    private static void set(TextField f, String text) {
        if (!f.isFocused() || !f.getText().equals(text)) {
            f.setText(text);
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
