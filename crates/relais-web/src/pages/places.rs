//! The public directory page `/lieux`: a plain GET form (works without JavaScript) and the
//! list of places it finds. It calls the same search as `GET /api/v1/places`
//! (`api::places::run_search`), so the page and the API never disagree.

use super::context::{render, PageCtx};
use super::forms::{finish, validation, with_status, Errors};
use crate::api::places::{run_search, PlaceHitDto, SearchParams};
use crate::i18n::Tr;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use relais_directory::vocab::{FRAIS, PRISE_EN_CHARGE, SERVICES};
use serde::Deserialize;

/// The radii offered in the form, km.
const RADII: &[u32] = &[5, 10, 20, 50, 100];

/// The form as typed: strings, so that a bad value comes back as a field error and not as a
/// rejected request.
#[derive(Debug, Default, Deserialize)]
pub struct PlacesForm {
    pub near: Option<String>,
    pub need: Option<String>,
    pub q: Option<String>,
    pub open_now: Option<String>,
    pub free: Option<String>,
    pub radius_km: Option<String>,
    /// The help request the console came from (issue 6: "Orienter ici" for its holder).
    pub demande: Option<String>,
}

pub struct Opt {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// One place as the page shows it (labels already translated).
pub struct PlaceView {
    pub id: String,
    pub nom: String,
    pub distance: Option<String>,
    pub address: String,
    pub today: String,
    /// `Some(true)` open, `Some(false)` closed, `None` unknown.
    pub open_now: Option<bool>,
    pub horaires: Option<String>,
    pub telephone: Option<String>,
    pub courriels: Vec<String>,
    pub site_web: Vec<String>,
    pub prise_rdv: Option<String>,
    pub fiche_acces_libre: Option<String>,
    pub specific: Vec<String>,
    pub fees: Vec<String>,
    pub services: Vec<String>,
    /// Names of the data·inclusion services (the producer's French words).
    pub social_services: Vec<String>,
    pub osm_url: Option<String>,
    /// "Fermé temporairement jusqu'au …" when a coordinator closed it.
    pub closed: Option<String>,
    /// Coordinates for the map (`None`: not placed, not on the map).
    pub lat_lon: Option<(f64, f64)>,
    /// "Orienter ici": the referral form for this place (signed-in holder or partner only).
    pub orient_href: Option<String>,
}

#[derive(Template)]
#[template(path = "places.html")]
struct PlacesPage<'a> {
    ctx: &'a PageCtx,
    near: String,
    q: String,
    open_now: bool,
    free: bool,
    services: Vec<Opt>,
    /// The data·inclusion categories present in the directory (empty: no such place).
    categories: Vec<Opt>,
    radii: Vec<Opt>,
    errors: Errors,
    /// `None` before a search; the places found otherwise (possibly none).
    results: Option<Vec<PlaceView>>,
    origin: String,
    count_text: String,
    /// Kept in the form so a new search still offers "Orienter ici".
    demande: Option<i64>,
    /// The map (when Leaflet is installed and some place found has coordinates).
    map: Option<MapView>,
}

/// What `static/places-map.js` needs, as data attributes (no inline script: CSP).
pub struct MapView {
    pub tiles: String,
    pub attribution: String,
    pub zoom_in: String,
    pub zoom_out: String,
}

fn service_label(tr: &Tr, s: &str) -> String {
    match SERVICES.iter().position(|x| *x == s) {
        Some(i) => tr.t(&format!("places-service-{i}")),
        None => s.to_string(),
    }
}

fn fee_label(tr: &Tr, s: &str) -> String {
    match FRAIS.iter().position(|x| *x == s) {
        Some(i) => tr.t(&format!("places-fee-{i}")),
        None => s.to_string(),
    }
}

/// A support the place offers for a specific need (deafness, visual impairment…), in the
/// page's language: people choose a place by it.
fn specific_label(tr: &Tr, s: &str) -> String {
    match PRISE_EN_CHARGE.iter().position(|x| *x == s) {
        Some(i) => tr.t(&format!("places-specific-{i}")),
        None => s.to_string(),
    }
}

fn view(tr: &Tr, p: PlaceHitDto) -> PlaceView {
    let km = |d: f64| {
        let n = format!("{d:.1}");
        if tr.lang.code() == "fr" { n.replace('.', ",") } else { n }
    };
    let today = match &p.today_hours {
        None => tr.t("places-today-unknown"),
        Some(spans) if spans.is_empty() => tr.t("places-today-closed"),
        Some(spans) => tr.t1("places-today", "hours", spans.join(", ")),
    };
    let address = [Some(p.adresse.clone()), p.complement_adresse.clone(), Some(format!("{} {}", p.code_postal, p.commune))]
        .into_iter()
        .flatten()
        .filter(|s| !s.trim().is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    PlaceView {
        distance: p.distance_km.map(|d| tr.t1("places-distance", "km", km(d))),
        address,
        today,
        open_now: p.open_now,
        horaires: p.horaires,
        telephone: p.telephone,
        courriels: p.courriels,
        site_web: p.site_web,
        prise_rdv: p.prise_rdv,
        fiche_acces_libre: p.fiche_acces_libre,
        specific: p.prise_en_charge_specifique.iter().map(|s| specific_label(tr, s)).collect(),
        fees: p.frais_a_charge.iter().map(|f| fee_label(tr, f)).collect(),
        services: p.services.iter().map(|s| service_label(tr, s)).collect(),
        social_services: p.social_services.into_iter().map(|s| s.nom).collect(),
        osm_url: p.osm_url,
        closed: p.closed_until.as_deref().map(|d| tr.t1("places-closed-until", "date", super::places_admin::date_text(tr, d))),
        lat_lon: p.latitude.zip(p.longitude),
        orient_href: None,
        id: p.id,
        nom: p.nom,
    }
}

fn checked(v: &Option<String>) -> bool {
    matches!(v.as_deref(), Some("true" | "on" | "1"))
}

pub async fn page(State(state): State<AppState>, ctx: PageCtx, Query(f): Query<PlacesForm>) -> Response {
    let result = async {
        let tr = &ctx.tr;
        let trim = |v: &Option<String>| v.as_deref().unwrap_or("").trim().chars().take(200).collect::<String>();
        let (near, q, need_in, radius_in) = (trim(&f.near), trim(&f.q), trim(&f.need), trim(&f.radius_km));
        // A topic id (the console's link) selects its service in the list.
        let need = match relais_directory::vocab::topic_service(&need_in) {
            Some(service) => service.unwrap_or("").to_string(),
            None => need_in,
        };
        let (open_now, free) = (checked(&f.open_now), checked(&f.free));
        let demande = f.demande.as_deref().and_then(|d| d.trim().parse::<i64>().ok());
        let mut errors = Errors::default();
        let radius: Option<f64> = match radius_in.as_str() {
            "" => None,
            r => match r.replace(',', ".").parse::<f64>() {
                Ok(v) if v.is_finite() => Some(v),
                _ => {
                    errors.push("radius_km", "radius_km", tr.t("places-error-radius"));
                    None
                }
            },
        };
        let radius_value = radius.map(|r| r.round() as u32).unwrap_or(20);
        let searched = !near.is_empty() || !q.is_empty() || !need.is_empty();
        let mut results = None;
        let mut origin = String::new();
        if searched && errors.is_empty() {
            let params = SearchParams {
                near: Some(near.clone()),
                need: Some(need.clone()),
                q: Some(q.clone()),
                open_now: Some(open_now),
                free: Some(free),
                radius_km: radius,
            };
            match run_search(&state, params).await {
                Ok(found) => {
                    origin = found.origin.map(|o| o.commune).unwrap_or_default();
                    let orient = super::referrals::orient_base(&ctx, demande);
                    results = Some(
                        found
                            .places
                            .into_iter()
                            .map(|p| {
                                let href = orient.as_ref().map(|b| format!("{b}{}", encode(&p.id)));
                                PlaceView { orient_href: href, ..view(tr, p) }
                            })
                            .collect::<Vec<_>>(),
                    );
                }
                Err(e) => match validation(&e) {
                    Some(fields) => errors = Errors::from_fields(tr, fields, |f| f.to_string()),
                    None => return Err(e.into()),
                },
            }
        }
        let count_text = results.as_ref().map(|r| tr.tn("places-results-count", "n", r.len() as i64)).unwrap_or_default();
        let services = SERVICES
            .iter()
            .enumerate()
            .map(|(i, s)| Opt { value: s.to_string(), label: tr.t(&format!("places-service-{i}")), selected: need == *s })
            .collect();
        // Social needs (food, housing…) only where the directory holds data·inclusion places.
        let categories = state
            .places
            .snapshot()
            .directory
            .categories()
            .iter()
            .map(|c| Opt { value: c.to_string(), label: tr.t(&format!("places-category-{c}")), selected: need == *c })
            .collect();
        let mut radii: Vec<u32> = RADII.to_vec();
        if !radii.contains(&radius_value) {
            radii.push(radius_value);
            radii.sort();
        }
        let radii = radii
            .into_iter()
            .map(|r| Opt { value: r.to_string(), label: tr.t1("places-distance", "km", r), selected: r == radius_value })
            .collect();
        let has_errors = !errors.is_empty();
        // Progressive enhancement: the map only when its library is installed and there is
        // something to place; the list below stays the whole page.
        let placed = results.as_ref().is_some_and(|r| r.iter().any(|p| p.lat_lon.is_some()));
        let tiles_origin = crate::map::tiles_origin(&state.config.map.tiles_url).filter(|_| placed && state.config.map.assets.is_some());
        let map = tiles_origin.as_ref().map(|_| MapView {
            tiles: state.config.map.tiles_url.clone(),
            attribution: tr.t("places-map-attribution"),
            zoom_in: tr.t("places-map-zoom-in"),
            zoom_out: tr.t("places-map-zoom-out"),
        });
        let mut page = render(&PlacesPage { ctx: &ctx, near, q, open_now, free, services, categories, radii, errors, results, origin, count_text, demande, map });
        if let Some(csp) = tiles_origin.and_then(|o| axum::http::HeaderValue::from_str(&crate::map::csp_for_tiles(&o)).ok()) {
            page.headers_mut().insert(axum::http::header::CONTENT_SECURITY_POLICY, csp);
        }
        Ok(if has_errors { with_status(StatusCode::UNPROCESSABLE_ENTITY, page) } else { page })
    }
    .await;
    finish(&ctx, result)
}

/// Percent-encodes a query value (unreserved characters kept).
fn encode(v: &str) -> String {
    v.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The `/lieux` search prefilled for a help request: the person's postcode and the service
/// its topic maps to (the console's "find a place near the person" link).
pub fn prefilled_href(postcode: Option<&str>, topic: &str) -> String {
    let mut parts = Vec::new();
    if let Some(p) = postcode.map(str::trim).filter(|p| !p.is_empty()) {
        parts.push(format!("near={}", encode(p)));
    }
    if let Some(Some(service)) = relais_directory::vocab::topic_service(topic) {
        parts.push(format!("need={}", encode(service)));
    }
    if parts.is_empty() { "/lieux".into() } else { format!("/lieux?{}", parts.join("&")) }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_console_link_carries_postcode_and_mapped_need() {
        assert_eq!(
            super::prefilled_href(Some("73000"), "famille-caf"),
            "/lieux?near=73000&need=Aide%20aux%20d%C3%A9marches%20administratives"
        );
        assert_eq!(super::prefilled_href(None, "autre"), "/lieux");
    }
}
