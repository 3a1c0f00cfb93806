//! The directory of places as open data: export in the LMN schema v1.0.2. Public, like the
//! national cartography it feeds (places are organisations, no personal data).

use crate::error::{ApiError, Problem};
use crate::state::AppState;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct ExportParams {
    /// `lmn-csv` (default), `lmn-json` or `data-inclusion` (`{"structures": […], "services": […]}`).
    pub format: Option<String>,
}

/// Every place of the directory in the lieux-de-médiation-numérique schema.
#[utoipa::path(get, path = "/api/v1/places/export", params(ExportParams), tag = "places",
    responses((status = 200, description = "CSV (text/csv) or JSON array"), (status = 400, body = Problem)))]
pub async fn export(State(state): State<AppState>, Query(p): Query<ExportParams>) -> Result<Response, ApiError> {
    let format = p.format.as_deref().unwrap_or("lmn-csv");
    if !matches!(format, "lmn-csv" | "lmn-json" | "data-inclusion") {
        return Err(ApiError::field("format", "unknown_format", format!("{format:?}: use lmn-csv, lmn-json or data-inclusion")));
    }
    let places = state.store.places().await?;
    Ok(match format {
        "lmn-csv" => ([(header::CONTENT_TYPE, "text/csv; charset=utf-8")], relais_directory::export::to_csv(&places)).into_response(),
        "lmn-json" => axum::Json(relais_directory::export::to_json(&places)).into_response(),
        _ => axum::Json(relais_directory::data_inclusion::to_json(&places)).into_response(),
    })
}

/// At most this many places in an answer.
pub const SEARCH_LIMIT: usize = 50;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct SearchParams {
    /// Postcode or commune name (accents and small typos forgiven).
    pub near: Option<String>,
    /// A service of the LMN schema ("Aide aux démarches administratives"), a data·inclusion
    /// thematique (`logement-hebergement--louer-un-logement`) or category
    /// (`equipement-et-alimentation`), or words of one of them.
    pub need: Option<String>,
    /// Free words looked for in name, presentation, services, commune.
    pub q: Option<String>,
    /// `true`: only places open now (Europe/Paris).
    pub open_now: Option<bool>,
    /// `true`: only places marked "Gratuit".
    pub free: Option<bool>,
    /// Radius around `near`, km (default 20, at most 200).
    pub radius_km: Option<f64>,
}

#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct OriginDto {
    pub commune: String,
    pub code_insee: String,
    pub latitude: f64,
    pub longitude: f64,
}

#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct PlaceHitDto {
    pub id: String,
    pub nom: String,
    pub adresse: String,
    pub complement_adresse: Option<String>,
    pub code_postal: String,
    pub commune: String,
    pub distance_km: Option<f64>,
    /// `null` when the hours are missing or not in the supported syntax.
    pub open_now: Option<bool>,
    /// Today's opening spans in Europe/Paris, e.g. `["09:00-12:00", "14:00-17:00"]`.
    pub today_hours: Option<Vec<String>>,
    /// The hours as published (OSM opening_hours).
    pub horaires: Option<String>,
    pub telephone: Option<String>,
    pub courriels: Vec<String>,
    pub site_web: Vec<String>,
    pub prise_rdv: Option<String>,
    /// Accessibility sheet (acceslibre).
    pub fiche_acces_libre: Option<String>,
    pub prise_en_charge_specifique: Vec<String>,
    pub frais_a_charge: Vec<String>,
    pub services: Vec<String>,
    pub modalites_acces: Vec<String>,
    /// The social services of a place imported from data·inclusion (empty for LMN places).
    pub social_services: Vec<SocialServiceDto>,
    /// The place on OpenStreetMap (when it has coordinates).
    pub osm_url: Option<String>,
    /// Closed temporarily up to and including this date (`YYYY-MM-DD`, Europe/Paris); such a
    /// place is never `open_now: true`. Set by `place_closures::apply`.
    pub closed_until: Option<String>,
    /// WGS84 coordinates, when the place has them (the `/lieux` map uses them).
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
}

/// One data·inclusion service of a place, as received (French, the producer's words).
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct SocialServiceDto {
    pub nom: String,
    pub description: Option<String>,
    /// data·inclusion v1 thematique values.
    pub thematiques: Vec<String>,
    pub frais: Option<String>,
}

#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct PlaceSearchDto {
    pub origin: Option<OriginDto>,
    pub places: Vec<PlaceHitDto>,
}

/// Places near a postcode or commune, ranked by distance and fit. Public.
#[utoipa::path(get, path = "/api/v1/places", params(SearchParams), tag = "places",
    responses((status = 200, body = PlaceSearchDto), (status = 422, body = Problem)))]
pub async fn search(State(state): State<AppState>, Query(p): Query<SearchParams>) -> Result<axum::Json<PlaceSearchDto>, ApiError> {
    Ok(axum::Json(run_search(&state, p).await?))
}

/// The one search of the directory, for the API and the public `/lieux` page alike. Error
/// codes are translation keys (pages show them under the field).
pub async fn run_search(state: &AppState, p: SearchParams) -> Result<PlaceSearchDto, ApiError> {
    let radius = p.radius_km.unwrap_or(20.0);
    let open_now_only = p.open_now.unwrap_or(false);
    if !(radius > 0.0 && radius <= 200.0) {
        return Err(ApiError::field("radius_km", "places-error-radius", "radius_km must be more than 0 and at most 200"));
    }
    let origin = match p.near.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some(near) => Some(
            relais_directory::communes::communes()
                .resolve(near)
                .ok_or_else(|| ApiError::field("near", "places-error-near-unknown", format!("{near:?}: no French commune or postcode by this name")))?,
        ),
    };
    // A help-request topic id is accepted as `need` and stands for its service.
    let need = p.need.filter(|s| !s.trim().is_empty()).and_then(|n| match relais_directory::vocab::topic_service(n.trim()) {
        Some(service) => service.map(str::to_string),
        None => Some(n),
    });
    // The instance's snapshot: no database read per search (see crate::directory).
    let snapshot = state.places.snapshot();
    let now = jiff::Timestamp::from_millisecond(crate::now_ms()).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    let query = relais_directory::search::Query {
        origin: origin.map(|c| (c.lat, c.lon)),
        radius_km: radius,
        need,
        q: p.q.filter(|s| !s.trim().is_empty()),
        open_now: p.open_now.unwrap_or(false),
        free: p.free.unwrap_or(false),
        now,
        limit: SEARCH_LIMIT,
    };
    let hits = snapshot.directory.search(&query);
    let span = |(a, b): &(u16, u16)| format!("{}-{}", relais_directory::hours::hhmm(*a), relais_directory::hours::hhmm(*b));
    let mut found = PlaceSearchDto {
        origin: origin.map(|c| OriginDto { commune: c.nom.clone(), code_insee: c.code_insee.clone(), latitude: c.lat, longitude: c.lon }),
        places: hits
            .into_iter()
            .map(|h| {
                let pl = h.place;
                PlaceHitDto {
                    id: pl.id.clone(),
                    nom: pl.nom.clone(),
                    adresse: pl.adresse.clone(),
                    complement_adresse: pl.complement_adresse.clone(),
                    code_postal: pl.code_postal.clone(),
                    commune: pl.commune.clone(),
                    distance_km: h.distance_km.map(|d| (d * 10.0).round() / 10.0),
                    open_now: h.open_now,
                    today_hours: h.today.map(|t| t.iter().map(span).collect()),
                    horaires: pl.horaires.clone(),
                    telephone: pl.telephone.clone(),
                    courriels: pl.courriels.clone(),
                    site_web: pl.site_web.clone(),
                    prise_rdv: pl.prise_rdv.clone(),
                    fiche_acces_libre: pl.fiche_acces_libre.clone(),
                    prise_en_charge_specifique: pl.prise_en_charge_specifique.clone(),
                    frais_a_charge: pl.frais_a_charge.clone(),
                    services: pl.services.clone(),
                    modalites_acces: pl.modalites_acces.clone(),
                    social_services: relais_directory::social::services(pl)
                        .into_iter()
                        .map(|s| SocialServiceDto { nom: s.nom, description: s.description, thematiques: s.thematiques, frais: s.frais })
                        .collect(),
                    osm_url: match (pl.latitude, pl.longitude) {
                        (Some(la), Some(lo)) => Some(format!("https://www.openstreetmap.org/?mlat={la}&mlon={lo}#map=18/{la}/{lo}")),
                        _ => None,
                    },
                    closed_until: None,
                    latitude: pl.latitude,
                    longitude: pl.longitude,
                }
            })
            .collect(),
    };
    let today = relais_directory::editing::paris_today(crate::now_ms()).to_string();
    super::place_closures::apply(&snapshot.closures, &today, &mut found, open_now_only);
    Ok(found)
}
