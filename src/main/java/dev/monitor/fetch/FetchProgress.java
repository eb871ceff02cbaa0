package dev.monitor.fetch;

/** Told how far a fetch of every server has got, for a progress bar. Called from any thread. */
public interface FetchProgress {

    FetchProgress NONE = new FetchProgress() {
        @Override
        public void started(int servers) {
        }

        @Override
        public void fetched() {
        }

        @Override
        public void finished() {
        }
    };

    void started(int servers);

    /** One more server answered or failed. */
    void fetched();

    void finished();
}
