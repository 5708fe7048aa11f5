package com.hdcompose.app.export;

import com.hdcompose.engine.render.ExportSettings;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Asks for the export format, JPEG quality and output size (long side, default up to 2048 px). */
public final class ExportDialog extends Dialog<ExportSettings> {
    public static final int DEFAULT_MAX_LONG_SIDE = 2048;

    public final ChoiceBox<ExportSettings.Format> format = new ChoiceBox<>();
    public final Slider quality = new Slider(50, 100, 92);
    final Spinner<Integer> longSide;

    public ExportDialog(Window owner, int docWidth, int docHeight) {
        initOwner(owner);
        setTitle("Export image");
        setHeaderText("Export the harmonized composite");
        int docLong = Math.max(docWidth, docHeight);
        longSide = new Spinner<>(16, ExportSettings.MAX_LONG_SIDE, Math.min(DEFAULT_MAX_LONG_SIDE, docLong), 64);
        longSide.setEditable(true);
        longSide.setId("export-long-side");
        format.getItems().addAll(ExportSettings.Format.values());
        format.setValue(ExportSettings.Format.PNG);
        format.setId("export-format");
        quality.setShowTickLabels(true);
        quality.setMajorTickUnit(10);
        quality.disableProperty().bind(format.valueProperty().isNotEqualTo(ExportSettings.Format.JPEG));
        Label sizeNote = new Label();
        sizeNote.textProperty().bind(longSide.valueProperty().asString("%d px long side (document is "
                + docWidth + "×" + docHeight + ")"));
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.setPadding(new Insets(12));
        grid.addRow(0, new Label("Format"), format);
        grid.addRow(1, new Label("JPEG quality"), quality);
        grid.addRow(2, new Label("Long side (px)"), longSide);
        grid.add(sizeNote, 1, 3);
        getDialogPane().setContent(grid);
        ButtonType export = new ButtonType("Export…", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(export, ButtonType.CANCEL);
        setResultConverter(b -> b == export ? current() : null);
    }

    public ExportSettings current() {
        return new ExportSettings(format.getValue(), (int) Math.round(quality.getValue()), longSide.getValue());
    }

    public Optional<ExportSettings> ask() {
        return showAndWait();
    }
}
