package com.hdcompose.app.startup;

import java.nio.file.Path;
import java.util.List;

/**
 * Command-line options of the editor: an optional project to open, {@code --model ID} to start with, and the hidden
 * {@code --screenshot OUT.png [--screenshot-view initial|split|knn|knn-all]} used to document the UI.
 */
record LaunchOptions(Path open, Path screenshot, String screenshotView, String model) {
    static LaunchOptions parse(List<String> args) {
        Path open = null;
        Path shot = null;
        String view = "initial";
        String model = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--screenshot") && i + 1 < args.size()) {
                shot = Path.of(args.get(++i));
            } else if (a.equals("--screenshot-view") && i + 1 < args.size()) {
                view = args.get(++i);
            } else if (a.equals("--model") && i + 1 < args.size()) {
                model = args.get(++i);
            } else if (!a.startsWith("--")) {
                open = Path.of(a);
            }
        }
        return new LaunchOptions(open, shot, view, model);
    }
}
