//! `/coordination/orientations` (issue 6): every referral the coordinator's networks sent
//! (administrators: all), newest first, filtered by state, so referrals are followed to
//! their end: which places have not answered, which are about to expire, which went to a
//! place since closed. No personal data of the person on this page (no first name, no need):
//! the place, the topic, who sent it, the dates, and a link to the request, whose page has
//! its own access rules and journal.

use super::context::{render, PageCtx};
use super::forms::{finish, label, session_for, topic_label};
use super::referrals::{place_states, rows, ReferralRow};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use relais_domain::authz::{may_manage, Action};
use relais_domain::referral::State as RState;
use serde::Deserialize;
use std::collections::HashMap;

/// Referrals read per page view (the newest); a filter by state narrows them first.
pub const LIST_LIMIT: i64 = 500;

#[derive(Debug, Deserialize)]
pub struct ListQuery {
    pub etat: Option<String>,
}

pub struct FilterOption {
    pub value: &'static str,
    pub label: String,
    pub selected: bool,
}

pub struct Line {
    pub row: ReferralRow,
    pub topic: String,
    pub sender: String,
    pub request_href: Option<String>,
}

#[derive(Template)]
#[template(path = "referral_list.html")]
struct ListPage<'a> {
    ctx: &'a PageCtx,
    options: Vec<FilterOption>,
    count_text: String,
    lines: Vec<Line>,
}

/// GET `/coordination/orientations?etat=<state>`
pub async fn list(State(state): State<AppState>, ctx: PageCtx, Query(lq): Query<ListQuery>) -> Response {
    let result = async {
        let me = session_for(&ctx, Action::ManagePartners)?;
        let tr = &ctx.tr;
        let wanted = RState::ALL.iter().copied().find(|s| Some(s.as_str()) == lq.etat.as_deref());
        let users = state.store.list_users().await?;
        let senders: HashMap<i64, (&str, &[i64])> =
            users.iter().map(|u| (u.user.id, (u.user.display_name.as_str(), u.networks.as_slice()))).collect();
        // Coordinators follow what their networks sent; administrators, everything.
        let referrals: Vec<_> = state
            .store
            .referrals_recent(wanted, LIST_LIMIT)
            .await?
            .into_iter()
            .filter(|r| r.sender_id == me.user.id || senders.get(&r.sender_id).is_some_and(|(_, n)| may_manage(me.user.role(), &me.networks, n)))
            .collect();
        let topics = state.store.topics(false).await?;
        let extra: Vec<(String, String, Option<String>)> = referrals
            .iter()
            .map(|r| {
                (
                    topic_label(tr, &topics, &r.topic).label,
                    senders.get(&r.sender_id).map(|(n, _)| n.to_string()).unwrap_or_default(),
                    r.request_id.map(|id| format!("/benevole/demandes/{id}")),
                )
            })
            .collect();
        let places = place_states(&state, &referrals).await?;
        let lines = rows(tr, referrals, None, &places)
            .into_iter()
            .zip(extra)
            .map(|(row, (topic, sender, request_href))| Line { row, topic, sender, request_href })
            .collect::<Vec<_>>();
        let mut options = vec![FilterOption { value: "", label: tr.t("referral-list-all"), selected: wanted.is_none() }];
        options.extend(RState::ALL.iter().map(|s| FilterOption {
            value: s.as_str(),
            label: label(tr, "referral-state", s.as_str()),
            selected: wanted == Some(*s),
        }));
        let count_text = tr.tn("referral-list-count", "count", lines.len() as i64);
        Ok(render(&ListPage { ctx: &ctx, options, count_text, lines }))
    }
    .await;
    finish(&ctx, result)
}
