//! `relais serve` options of the `/lieux` map (issue 6).

use clap::Args;
use relais_web::map::{check_tiles_url, MapAssets, DEFAULT_ASSETS_DIR, DEFAULT_TILES_URL};
use relais_web::WebConfig;
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Args)]
pub struct MapArgs {
    /// Folder holding Leaflet's built files (leaflet.js, leaflet.css, images/), installed by
    /// scripts/install-map-assets.sh. Missing: /lieux shows its list without a map.
    #[arg(long, env = "RELAIS_MAP_ASSETS_DIR", default_value = DEFAULT_ASSETS_DIR)]
    pub map_assets_dir: PathBuf,
    /// Tile URL template of the map ({z}, {x}, {y}; {s} allowed). Its origin is added to the
    /// /lieux page's Content-Security-Policy.
    #[arg(long, env = "RELAIS_MAP_TILES_URL", default_value = DEFAULT_TILES_URL)]
    pub map_tiles_url: String,
}

impl MapArgs {
    pub fn apply(&self, c: &mut WebConfig) -> anyhow::Result<()> {
        let url = self.map_tiles_url.trim();
        check_tiles_url(url).map_err(|e| anyhow::anyhow!("--map-tiles-url: {e}"))?;
        c.map.tiles_url = url.to_owned();
        c.map.assets = MapAssets::load(&self.map_assets_dir)
            .map_err(|e| anyhow::anyhow!("--map-assets-dir {}: {e}", self.map_assets_dir.display()))?
            .map(Arc::new);
        match &c.map.assets {
            Some(_) => tracing::info!(dir = %self.map_assets_dir.display(), "map of /lieux enabled"),
            None => tracing::info!(dir = %self.map_assets_dir.display(), "no Leaflet files: /lieux shows its list without a map (scripts/install-map-assets.sh)"),
        }
        Ok(())
    }
}
