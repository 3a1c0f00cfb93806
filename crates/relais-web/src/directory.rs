//! The directory of places as this instance searches it: the searchable places (one store
//! function, `Store::places_for_search`), parsed once, with their spatial and word indexes
//! (`relais_directory::search::Directory`), swapped whole. Built at start, rebuilt at once
//! after a change made here, and rebuilt when the `places_version` counter (bumped by a
//! database trigger on every change of `places`, whoever writes) shows a change made
//! elsewhere: another instance, `relais import places` beside the server. The jobs poll it;
//! searches never touch the database.

use relais_directory::search::Directory;
use relais_store::{Store, StoreError};
use std::sync::{Arc, RwLock};

/// One state of the directory.
pub struct Snapshot {
    /// The `places_version` this snapshot was built from.
    pub version: i64,
    pub directory: Directory,
    /// Temporary closures by place id (the last day closed, `YYYY-MM-DD`, Paris), every one
    /// recorded: whether one is in effect is decided per search with today's date, so a
    /// closure ends by itself without a rebuild. Closing or reopening writes `places`, whose
    /// trigger bumps the version, so the snapshot follows.
    pub closures: std::collections::HashMap<String, String>,
}

impl Snapshot {
    pub async fn load(store: &Store) -> Result<Snapshot, StoreError> {
        // The counter first: a change landing meanwhile makes the next poll rebuild again.
        let version = store.places_version().await?;
        let places = store.places_for_search().await?;
        // Every closure ever recorded and not yet reopened ("" sorts before any date).
        let closures = store.place_closures("").await?;
        // Indexing 100,000 places takes a while of CPU: off the async workers.
        let directory = tokio::task::spawn_blocking(move || Directory::new(places))
            .await
            .map_err(|e| StoreError::Corrupt(format!("places index: {e}")))?;
        Ok(Snapshot { version, directory, closures })
    }
}

/// The current snapshot, swapped whole when a new one is built.
pub struct Places {
    current: RwLock<Arc<Snapshot>>,
    /// One rebuild at a time (the poll and a local change may meet).
    rebuilding: tokio::sync::Mutex<()>,
}

impl Places {
    pub async fn load(store: &Store) -> Result<Places, StoreError> {
        Ok(Places { current: RwLock::new(Arc::new(Snapshot::load(store).await?)), rebuilding: Default::default() })
    }

    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.current.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// After a change committed on this instance (a coordinator's edit, a web upload): the
    /// rebuild is awaited so that the coordinator's next search shows it; a failed rebuild
    /// is logged only (the change is stored, and the poll retries).
    pub async fn changed_here(&self, store: &Store) {
        if let Err(e) = self.rebuild(store).await {
            tracing::warn!(error = %e, "places search snapshot not rebuilt after a local change; the poll will retry");
        }
    }

    /// Rebuilds from the database: call after committing a change of places on this instance.
    pub async fn rebuild(&self, store: &Store) -> Result<(), StoreError> {
        let _one = self.rebuilding.lock().await;
        let fresh = Arc::new(Snapshot::load(store).await?);
        let mut current = self.current.write().unwrap_or_else(|e| e.into_inner());
        if fresh.version >= current.version {
            *current = fresh;
        }
        Ok(())
    }

    /// Rebuilds if the directory changed since this snapshot; returns whether it did.
    pub async fn refresh(&self, store: &Store) -> Result<bool, StoreError> {
        if store.places_version().await? == self.snapshot().version {
            return Ok(false);
        }
        self.rebuild(store).await?;
        Ok(true)
    }
}
