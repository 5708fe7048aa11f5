package com.hdcompose.app.panels;

import com.hdcompose.app.session.EditorSession;
import com.hdcompose.engine.document.CompositionDocument;
import com.hdcompose.engine.document.DocumentListener;
import com.hdcompose.engine.document.ObjectLayer;
import com.hdcompose.engine.document.LayerStackCommand;
import com.hdcompose.engine.document.ValueCommand;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The layers panel: every object layer, top first, with a visibility box; add, duplicate, delete, move up/down and
 * rename the selected one. Selecting here (or by clicking the canvas) picks the layer the tools act on; every change
 * is one undo step.
 */
public final class LayersPanel extends VBox {
    public final ListView<ObjectLayer> list = new ListView<>();
    public final TextField name = new TextField();
    private final EditorSession session;
    private boolean syncing;

    public LayersPanel(EditorSession session, Runnable onAdd) {
        this.session = session;
        getStyleClass().add("layers-panel");
        setSpacing(6);
        setPadding(new Insets(10, 10, 4, 10));
        list.setId("layers-list");
        list.setPrefHeight(150);
        list.setCellFactory(v -> new LayerCell());
        name.setId("layer-name");
        name.setPromptText("Layer name");
        name.setOnAction(e -> rename());
        name.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                rename();
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!syncing && b != null) {
                session.document().select(b);
            }
        });
        HBox buttons = new HBox(4,
                button("+", "layer-add", "Add an object as a new layer", onAdd),
                button("Dup", "layer-duplicate", "Duplicate the selected layer", this::duplicate),
                button("▲", "layer-up", "Move the selected layer up", () -> move(1)),
                button("▼", "layer-down", "Move the selected layer down", () -> move(-1)),
                button("✕", "layer-delete", "Delete the selected layer", this::delete));
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label heading = new Label("Layers");
        heading.getStyleClass().add("inspector-heading");
        getChildren().addAll(heading, list, buttons, name);
        session.document().addListener((change, region) -> {
            if (change == DocumentListener.Change.OBJECT || change == DocumentListener.Change.REPLACED
                    || change == DocumentListener.Change.SELECTION || change == DocumentListener.Change.LAYER_INFO) {
                sync();
            }
        });
        sync();
    }

    private static Button button(String text, String id, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        HBox.setHgrow(b, Priority.ALWAYS);
        b.setMaxWidth(Double.MAX_VALUE);
        return b;
    }

    private void sync() {
        syncing = true;
        try {
            List<ObjectLayer> topFirst = new ArrayList<>(session.document().layers());
            Collections.reverse(topFirst);
            list.getItems().setAll(topFirst);
            ObjectLayer selected = session.document().object().orElse(null);
            if (selected == null) {
                list.getSelectionModel().clearSelection();
            } else {
                list.getSelectionModel().select(selected);
            }
            name.setText(selected == null ? "" : selected.name());
            name.setDisable(selected == null);
            list.refresh();
        } finally {
            syncing = false;
        }
    }

    /** Duplicates the selected layer, offset a little so both are visible; the copy is selected. */
    public void duplicate() {
        CompositionDocument doc = session.document();
        doc.object().ifPresent(l -> {
            double offset = 0.04 * Math.max(doc.width(), doc.height());
            ObjectLayer copy = l.duplicate(l.name() + " copy", l.placement().movedBy(offset, offset));
            session.execute(new LayerStackCommand("Duplicate layer", doc.layers(), l,
                    withAbove(doc.layers(), l, copy), copy));
        });
    }

    private static List<ObjectLayer> withAbove(List<ObjectLayer> layers, ObjectLayer below, ObjectLayer added) {
        List<ObjectLayer> next = new ArrayList<>(layers);
        next.add(next.indexOf(below) + 1, added);
        return next;
    }

    public void delete() {
        CompositionDocument doc = session.document();
        doc.object().ifPresent(l -> session.execute(LayerStackCommand.delete(doc, l)));
    }

    /** Moves the selected layer up ({@code +1}) or down ({@code -1}); nothing at the top or bottom. */
    public void move(int direction) {
        CompositionDocument doc = session.document();
        doc.object().ifPresent(l -> {
            int to = doc.layers().indexOf(l) + direction;
            if (to >= 0 && to < doc.layers().size()) {
                session.execute(LayerStackCommand.move(doc, l, direction));
            }
        });
    }

    private void rename() {
        session.document().object().ifPresent(l -> {
            String next = name.getText().strip();
            if (!next.isEmpty() && !next.equals(l.name())) {
                session.execute(ValueCommand.rename(l, l.name(), next));
            }
        });
    }

    /** A layer row: visibility box and name. */
    private final class LayerCell extends ListCell<ObjectLayer> {
        private final CheckBox visible = new CheckBox();
        private final Label label = new Label();
        private final HBox row = new HBox(6, visible, label);

        LayerCell() {
            row.setAlignment(Pos.CENTER_LEFT);
            visible.getStyleClass().add("layer-visible");
            visible.setOnAction(e -> {
                ObjectLayer l = getItem();
                if (l != null && l.visible() != visible.isSelected()) {
                    session.execute(ValueCommand.visibility(l, visible.isSelected()));
                }
            });
        }

        @Override
        protected void updateItem(ObjectLayer item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            visible.setSelected(item.visible());
            label.setText(item.name());
            label.setOpacity(item.visible() ? 1 : 0.55);
            setGraphic(row);
        }
    }
}
