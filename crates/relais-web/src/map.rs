//! The map of `/lieux` (progressive enhancement): Leaflet, installed from npm by
//! `scripts/install-map-assets.sh` into `map-assets/node_modules/leaflet/dist` (never
//! committed), read once at start from `--map-assets-dir` and served under `/carte/`. Without
//! those files there is no map and nothing else changes: the list is the page. Tiles come from
//! `--map-tiles-url` (OpenStreetMap's by default); the page's CSP allows that origin's images
//! only on `/lieux` (see [`csp_for_tiles`]).

use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use std::collections::HashMap;
use std::sync::Arc;

/// OpenStreetMap's own tile server (its usage policy allows light use with attribution).
pub const DEFAULT_TILES_URL: &str = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

/// Where the install script puts Leaflet's built files, relative to the working directory.
pub const DEFAULT_ASSETS_DIR: &str = "map-assets/node_modules/leaflet/dist";

#[derive(Debug, Clone)]
pub struct MapConfig {
    /// Leaflet's files, when found at start.
    pub assets: Option<Arc<MapAssets>>,
    /// A `{z}/{x}/{y}` tile URL template (`{s}` allowed).
    pub tiles_url: String,
}

impl Default for MapConfig {
    fn default() -> Self {
        MapConfig { assets: None, tiles_url: DEFAULT_TILES_URL.into() }
    }
}

/// Leaflet's `leaflet.js`, `leaflet.css` and `images/*`, held in memory.
pub struct MapAssets {
    files: HashMap<String, Vec<u8>>,
}

impl std::fmt::Debug for MapAssets {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "MapAssets({} files)", self.files.len())
    }
}

impl MapAssets {
    /// Reads the files of `dir`; `Ok(None)` when `dir` holds no `leaflet.js` (not installed).
    pub fn load(dir: &std::path::Path) -> std::io::Result<Option<MapAssets>> {
        if !dir.join("leaflet.js").is_file() {
            return Ok(None);
        }
        let mut files = HashMap::new();
        for name in ["leaflet.js", "leaflet.css"] {
            files.insert(name.to_string(), std::fs::read(dir.join(name))?);
        }
        if let Ok(entries) = std::fs::read_dir(dir.join("images")) {
            for e in entries.flatten() {
                let name = e.file_name().to_string_lossy().into_owned();
                if name.ends_with(".png") || name.ends_with(".svg") {
                    files.insert(format!("images/{name}"), std::fs::read(e.path())?);
                }
            }
        }
        Ok(Some(MapAssets { files }))
    }

    /// For tests: assets from memory.
    pub fn from_files(files: impl IntoIterator<Item = (String, Vec<u8>)>) -> MapAssets {
        MapAssets { files: files.into_iter().collect() }
    }
}

/// Checks a tile URL template: http(s), with `{z}`, `{x}` and `{y}`.
pub fn check_tiles_url(url: &str) -> Result<(), String> {
    if tiles_origin(url).is_none() {
        return Err(format!("{url:?} must start with https:// or http:// and name a host"));
    }
    for part in ["{z}", "{x}", "{y}"] {
        if !url.contains(part) {
            return Err(format!("{url:?} has no {part}"));
        }
    }
    Ok(())
}

/// The CSP source of a tile URL template: `https://tile.openstreetmap.org`, or
/// `https://*.tile.example.org` for a `{s}` subdomain.
pub fn tiles_origin(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    if scheme != "https" && scheme != "http" {
        return None;
    }
    let host = rest.split('/').next()?.replace("{s}", "*");
    let ok = !host.is_empty() && host.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '*'));
    ok.then(|| format!("{scheme}://{host}"))
}

/// The page CSP with the tile server allowed as an image source.
pub fn csp_for_tiles(origin: &str) -> String {
    crate::security::CSP.replacen("img-src 'self' data:", &format!("img-src 'self' data: {origin}"), 1)
}

pub fn router() -> Router<AppState> {
    Router::new().route("/carte/{*path}", get(asset))
}

async fn asset(State(state): State<AppState>, Path(path): Path<String>) -> Response {
    let Some(file) = state.config.map.assets.as_ref().and_then(|a| a.files.get(&path)) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let mime = match path.rsplit('.').next() {
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        _ => "application/octet-stream",
    };
    let mut res = file.clone().into_response();
    res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
    res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=86400"));
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tile_origin_goes_into_the_csp() {
        assert_eq!(tiles_origin(DEFAULT_TILES_URL).as_deref(), Some("https://tile.openstreetmap.org"));
        assert_eq!(tiles_origin("https://{s}.tile.example.org/{z}/{x}/{y}.png").as_deref(), Some("https://*.tile.example.org"));
        assert_eq!(tiles_origin("http://127.0.0.1:9000/tiles/{z}/{x}/{y}.png").as_deref(), Some("http://127.0.0.1:9000"));
        assert_eq!(tiles_origin("javascript:alert(1)"), None);
        assert_eq!(tiles_origin("https://a b/{z}"), None);
        assert!(check_tiles_url(DEFAULT_TILES_URL).is_ok());
        assert!(check_tiles_url("https://tile.example.org/{z}/{x}.png").is_err());
        let csp = csp_for_tiles("https://tile.openstreetmap.org");
        assert!(csp.contains("img-src 'self' data: https://tile.openstreetmap.org;"), "{csp}");
        assert!(csp.contains("script-src 'self';"));
    }
}
