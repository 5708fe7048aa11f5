package com.hdcompose.app.notify;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/** Shows one-line messages as ControlsFX notifications over the editor window and remembers the last one. */
public final class Notifier {
    /** How serious a message is. */
    public enum Level { INFO, WARNING, ERROR }

    private final Node owner;
    private final ReadOnlyStringWrapper lastMessage = new ReadOnlyStringWrapper(this, "lastMessage", "");
    private Level lastLevel = Level.INFO;

    public Notifier(Node owner) {
        this.owner = owner;
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

    /** A failure's one-line message (its own message when it has one, else its type). */
    public void error(String action, Throwable failure) {
        String text = failure.getMessage() == null || failure.getMessage().isBlank()
                ? failure.getClass().getSimpleName() : failure.getMessage().lines().findFirst().orElse("");
        show(Level.ERROR, action + ": " + text);
    }

    public ReadOnlyStringProperty lastMessageProperty() {
        return lastMessage.getReadOnlyProperty();
    }

    public Level lastLevel() {
        return lastLevel;
    }

    private void show(Level level, String message) {
        lastLevel = level;
        lastMessage.set(message);
        if (owner.getScene() == null || owner.getScene().getWindow() == null) {
            return;
        }
        Notifications n = Notifications.create()
                .owner(owner.getScene().getWindow())
                .title(switch (level) {
                    case INFO -> "HD Compose";
                    case WARNING -> "Warning";
                    case ERROR -> "Something went wrong";
                })
                .text(message)
                .position(Pos.BOTTOM_RIGHT)
                .hideAfter(Duration.seconds(level == Level.ERROR ? 8 : 4));
        switch (level) {
            case INFO -> n.showInformation();
            case WARNING -> n.showWarning();
            case ERROR -> n.showError();
        }
    }
}
