package com.hdcompose.app.notify;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Shows one-line messages as notices stacked in the top-right corner of the canvas (never over the status bar), in
 * colours with WCAG AA contrast (editor.css, {@code .notice-*}). Information and warnings fade after a few seconds;
 * errors stay until dismissed with their ✕. Remembers the last message for tests and the status bar.
 */
public final class Notifier {
    /** How serious a message is. */
    public enum Level { INFO, WARNING, ERROR }

    /** At most this many notices are shown; older ones make room. */
    static final int MAX_VISIBLE = 4;

    private final VBox area = new VBox(6);
    private final ReadOnlyStringWrapper lastMessage = new ReadOnlyStringWrapper(this, "lastMessage", "");
    private Level lastLevel = Level.INFO;
    private Duration infoTime = Duration.seconds(6);
    private Duration warningTime = Duration.seconds(10);

    public Notifier() {
        area.getStyleClass().add("notice-area");
        area.setId("notice-area");
        area.setPickOnBounds(false);
        area.setMaxSize(420, VBox.USE_PREF_SIZE);
        area.setPadding(new Insets(10));
        area.setAlignment(Pos.TOP_RIGHT);
    }

    /** The node to lay over the canvas, aligned top right. */
    public VBox area() {
        return area;
    }

    public void info(String message) {
        show(Level.INFO, message);
    }

    public void warn(String message) {
        show(Level.WARNING, message);
    }

    public void error(String message) {
        show(Level.ERROR, message);
    }

    /**
     * A failure's one-line message (its own message when it has one, else its type); a file name that both the
     * action and the message start with is said once ("Could not open a.jpg: file is truncated").
     */
    public void error(String action, Throwable failure) {
        String text = failure.getMessage() == null || failure.getMessage().isBlank()
                ? failure.getClass().getSimpleName() : failure.getMessage().lines().findFirst().orElse("");
        int colon = text.indexOf(": ");
        if (colon > 0 && action.endsWith(" " + text.substring(0, colon))) {
            text = text.substring(colon + 2);
        }
        show(Level.ERROR, action + ": " + text);
    }

    public ReadOnlyStringProperty lastMessageProperty() {
        return lastMessage.getReadOnlyProperty();
    }

    public Level lastLevel() {
        return lastLevel;
    }

    /** The notices now on screen, oldest first. */
    public List<HBox> notices() {
        List<HBox> out = new ArrayList<>();
        area.getChildren().forEach(n -> out.add((HBox) n));
        return out;
    }

    /** How long information and warnings stay (tests shorten it). */
    void setAutoHide(Duration info, Duration warning) {
        this.infoTime = info;
        this.warningTime = warning;
    }

    private void show(Level level, String message) {
        lastLevel = level;
        lastMessage.set(message);
        Label text = new Label(message);
        text.setWrapText(true);
        text.getStyleClass().add("notice-text");
        text.setMaxWidth(360);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button close = new Button("✕");
        close.getStyleClass().add("notice-close");
        HBox notice = new HBox(8, text, close);
        notice.setAlignment(Pos.CENTER_LEFT);
        notice.getStyleClass().addAll("notice", "notice-" + level.name().toLowerCase(java.util.Locale.ROOT));
        notice.setMaxWidth(400);
        close.setOnAction(e -> area.getChildren().remove(notice));
        if (area.getChildren().size() >= MAX_VISIBLE) {
            area.getChildren().remove(0);
        }
        area.getChildren().add(notice);
        if (level != Level.ERROR) {
            PauseTransition wait = new PauseTransition(level == Level.INFO ? infoTime : warningTime);
            wait.setOnFinished(e -> area.getChildren().remove(notice));
            wait.play();
        }
    }
}
