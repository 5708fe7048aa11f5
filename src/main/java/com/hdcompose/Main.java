package com.hdcompose;

import com.hdcompose.selftest.SelfTest;

/** Entry point placeholder. */
public final class Main {
    public static void main(String[] args) {
        if (args.length > 0 && SelfTest.FLAG.equals(args[0])) {
            System.exit(SelfTest.run(System.out, System.err));
        }
        System.out.println("hdcompose");
    }
}
