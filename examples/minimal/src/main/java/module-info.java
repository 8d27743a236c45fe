/** pb4j picked and mixed: the data API from pb-core, pb-store-sqlite and pb-http, without pb-auth. */
module io.pb4j.example.minimal {
    requires io.pb4j.core;
}
