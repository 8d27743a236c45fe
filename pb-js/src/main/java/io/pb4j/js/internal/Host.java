package io.pb4j.js.internal;

/** A script-side value that stands for a Java one: what Java calls get when a script passes it. */
interface Host {
    Object host();
}
