/**
 * PocketBase's realtime API as the app sees it: {@link io.pb4j.core.realtime.Realtime} (the subscriptions broker
 * of {@code app.realtime()}), its clients and messages, and the events of the realtime hooks. The broker itself,
 * {@code /api/realtime} and the record events live in the pb-realtime module; without it {@code app.realtime()} has
 * no clients.
 */
package io.pb4j.core.realtime;
