// Live records: the same two calls the SDK makes. GET /api/realtime opens the event stream (an EventSource cannot
// send the token) and names the client in PB_CONNECT; POST /api/realtime then sets the client's topics with the
// superuser's token, which also binds that auth to the client so the server's rule checks let every record through.
import { send } from "pb/api.js";

/**
 * Subscribes to `topic` (e.g. "posts/*") and calls onEvent({action, record}) for each message. Returns a function that
 * closes the stream. EventSource reconnects by itself after a dropped connection; every PB_CONNECT is a new client
 * id, so the topics are sent again each time.
 */
export function subscribe(topic, onEvent, onState = () => {}) {
    const source = new EventSource("/api/realtime");
    let closed = false;
    source.addEventListener("PB_CONNECT", async (ev) => {
        const { clientId } = JSON.parse(ev.data);
        try {
            await send("POST", "/api/realtime", { body: { clientId, subscriptions: [topic] } });
            if (!closed) onState("live");
        } catch {
            onState("offline");
        }
    });
    source.addEventListener(topic, (ev) => {
        if (closed) return;
        try {
            onEvent(JSON.parse(ev.data));
        } catch {
            /* a malformed message is not worth breaking the grid for */
        }
    });
    source.onerror = () => {
        if (!closed) onState("reconnecting");
    };
    return () => {
        closed = true;
        source.close();
    };
}
