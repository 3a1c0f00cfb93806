//! The coordinator's pages: the live queue with assignment, the volunteers of their
//! networks, and today's figures.

use super::context::{render, PageCtx, PageError};
use super::forms::{finish, iso, label, language_option, session_for, topic_label, FormData, TopicLabel};
use super::live::QueueFigures;
use crate::actions::{self, paris_time};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use relais_domain::authz::{may_manage, Action, Role};
use relais_domain::lifecycle::Command;
use relais_store::stats::Count;
use relais_store::AccountStatus;

pub struct QueueRow {
    pub id: i64,
    pub reference: String,
    pub topic: TopicLabel,
    pub language: String,
    pub urgent: bool,
    pub status: String,
    pub status_class: &'static str,
    pub volunteer: Option<String>,
    pub lease_until: String,
    pub lease_iso: String,
    pub since: String,
    pub since_iso: String,
    /// Active accounts that speak the request's language (empty: no assignment form).
    pub volunteers: Vec<VolunteerOption>,
}

#[derive(Clone)]
pub struct VolunteerOption {
    pub id: i64,
    pub label: String,
}

#[derive(Template)]
#[template(path = "coordination.html")]
struct QueuePage<'a> {
    ctx: &'a PageCtx,
    figures: QueueFigures,
    waiting_later: i64,
    rows: Vec<QueueRow>,
    /// On a booked shift now: name and the Paris time the shift ends.
    on_shift: Vec<(String, String)>,
    /// On duty by hand, outside any shift.
    by_hand: Vec<String>,
}

pub async fn queue(State(state): State<AppState>, ctx: PageCtx) -> Response {
    let result = async {
        session_for(&ctx, Action::ViewQueue)?;
        let tr = &ctx.tr;
        let overview = state.store.queue_overview(crate::now_ms(), 200).await?;
        let topics = state.store.topics(true).await?;
        let users = state.store.list_users().await?;
        let shift_now = state.store.volunteers_on_shift(crate::now_ms()).await?;
        let on_shift = shift_now.iter().map(|o| (o.display_name.clone(), super::schedule_view::time_label(o.ends_at))).collect();
        let by_hand = users
            .iter()
            .filter(|u| u.user.on_duty && u.user.status == AccountStatus::Active && !shift_now.iter().any(|o| o.user_id == u.user.id))
            .map(|u| u.user.display_name.clone())
            .collect();
        // Who can be given a request: active accounts, with the languages they speak.
        let volunteers: Vec<(Vec<String>, VolunteerOption)> = users
            .into_iter()
            .filter(|u| u.user.status == AccountStatus::Active)
            .map(|u| {
                let langs: Vec<String> = u.user.language_list();
                let duty = if u.user.on_duty { ctx.tr.t("assign-on-duty") } else { ctx.tr.t("assign-off-duty") };
                let option = VolunteerOption { id: u.user.id, label: format!("{} ({}; {})", u.user.display_name, langs.join(", "), duty) };
                (langs, option)
            })
            .collect();
        let rows = overview
            .items
            .iter()
            .map(|i| {
                let assigned = i.status == "assigned";
                QueueRow {
                    id: i.id,
                    reference: i.reference.clone(),
                    topic: topic_label(tr, &topics, &i.topic),
                    language: language_option(tr, &i.language),
                    urgent: i.urgency > 0,
                    status: label(tr, "status", &i.status),
                    status_class: if assigned { "assigned" } else { "waiting" },
                    volunteer: i.volunteer_name.clone(),
                    lease_until: i.lease_until.map(paris_time).unwrap_or_default(),
                    lease_iso: i.lease_until.map(iso).unwrap_or_default(),
                    since: paris_time(i.created_at),
                    since_iso: iso(i.created_at),
                    volunteers: volunteers
                        .iter()
                        .filter(|(langs, _)| langs.iter().any(|l| *l == i.language))
                        .map(|(_, v)| v.clone())
                        .collect(),
                }
            })
            .collect();
        let page = QueuePage {
            ctx: &ctx,
            figures: QueueFigures::from_overview(&overview),
            waiting_later: overview.waiting_later,
            rows,
            on_shift,
            by_hand,
        };
        Ok(render(&page))
    }
    .await;
    finish(&ctx, result)
}

pub async fn assign(State(state): State<AppState>, ctx: PageCtx, Path(id): Path<i64>, data: FormData) -> Response {
    let result = async {
        let me = session_for(&ctx, Action::AssignRequest)?.user.id;
        ctx.check_csrf(data.csrf())?;
        let volunteer: i64 = data
            .get("volunteer_id")
            .and_then(|v| v.trim().parse().ok())
            .ok_or_else(|| PageError::Conflict("error-volunteer-missing".into()))?;
        actions::act(&state, ctx.session.as_ref(), id, Command::Assign { coordinator: me, volunteer }, None).await?;
        Ok(Redirect::to("/coordination").into_response())
    }
    .await;
    finish(&ctx, result)
}

pub struct UserRow {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: String,
    pub status: String,
    pub active: bool,
    pub languages: String,
    pub networks: String,
    pub on_duty: bool,
    pub manageable: bool,
    pub coordinator: bool,
    /// The tutorial-editor right (shown to administrators, for coordinators).
    pub editor: bool,
}

#[derive(Template)]
#[template(path = "volunteers.html")]
struct VolunteersPage<'a> {
    ctx: &'a PageCtx,
    rows: Vec<UserRow>,
}

/// Whether `me` may change the account of someone with `role` in `networks`: within
/// their networks (admins: everyone), never someone with more power, never themselves.
pub(crate) fn may_change(me: &relais_store::Session, id: i64, role: Role, networks: &[i64]) -> bool {
    id != me.user.id && role <= me.user.role() && may_manage(me.user.role(), &me.networks, networks)
}

pub async fn volunteers(State(state): State<AppState>, ctx: PageCtx) -> Response {
    let result = async {
        let me = session_for(&ctx, Action::ManageVolunteers)?;
        let tr = &ctx.tr;
        let networks = state.store.networks().await?;
        let rows = state
            .store
            .list_users()
            .await?
            .into_iter()
            // Coordinators see the people of their own networks (and themselves); admins, all.
            .filter(|u| u.user.id == me.user.id || may_manage(me.user.role(), &me.networks, &u.networks))
            .map(|u| {
                let names: Vec<String> =
                    u.networks.iter().filter_map(|n| networks.iter().find(|x| x.id == *n)).map(|n| n.name.clone()).collect();
                let langs: Vec<String> = u.user.language_list().iter().map(|l| label(tr, "language", l)).collect();
                UserRow {
                    id: u.user.id,
                    manageable: may_change(me, u.user.id, u.user.role(), &u.networks),
                    name: u.user.display_name.clone(),
                    email: u.user.email.clone(),
                    role: label(tr, "role", u.user.role().as_str()),
                    status: label(tr, "account-status", u.user.status.as_str()),
                    active: u.user.status == AccountStatus::Active,
                    languages: langs.join(", "),
                    networks: names.join(", "),
                    on_duty: u.user.on_duty,
                    coordinator: u.user.role() == relais_domain::authz::Role::Coordinator,
                    editor: u.user.editor,
                }
            })
            .collect();
        Ok(render(&VolunteersPage { ctx: &ctx, rows }))
    }
    .await;
    finish(&ctx, result)
}

pub async fn set_status(State(state): State<AppState>, ctx: PageCtx, Path(id): Path<i64>, data: FormData) -> Response {
    let result = async {
        let me = session_for(&ctx, Action::ManageVolunteers)?;
        ctx.check_csrf(data.csrf())?;
        let status = match data.get("status") {
            Some("active") => AccountStatus::Active,
            Some("deactivated") => AccountStatus::Deactivated,
            _ => return Err(PageError::Conflict("error-account-status".into())),
        };
        let target = state.store.user(id).await?;
        let their_networks = state.store.user_networks(id).await?;
        if !may_change(me, id, target.role(), &their_networks) {
            return Err(PageError::Forbidden);
        }
        // Approving a sign-up tells the person by e-mail, in the same transaction.
        let now = crate::now_ms();
        // In the person's language when it is one of the site's, else French.
        let tr = crate::i18n::Tr::new(target.language_list().iter().find_map(|l| crate::i18n::Lang::from_code(l)).unwrap_or_default());
        let invited = state.store.profile(id).await?.awaiting_invitation;
        let approval = (target.status == AccountStatus::Pending && status == AccountStatus::Active && !invited)
            .then(|| crate::people_mail::approved(&tr, id, &target.email, &target.display_name, &state.config.public_url, now));
        state.store.set_user_status_with_mail(id, status, approval.as_ref(), now).await?;
        if approval.is_some() {
            state.mail_enqueued();
        }
        tracing::info!(user = id, by = me.user.id, status = status.as_str(), "account status changed");
        state.notify_queue();
        // The partners page has the same buttons for partner accounts, and gets its page back.
        let back = if data.get("retour") == Some("partenaires") { "/coordination/partenaires" } else { "/coordination/benevoles" };
        Ok(Redirect::to(back).into_response())
    }
    .await;
    finish(&ctx, result)
}

/// An administrator gives or withdraws a coordinator's tutorial-editor right.
pub async fn set_editor(State(state): State<AppState>, ctx: PageCtx, Path(id): Path<i64>, data: FormData) -> Response {
    let result = async {
        let me = session_for(&ctx, Action::GrantTutorialEditor)?;
        ctx.check_csrf(data.csrf())?;
        let target = state.store.user(id).await?;
        if target.role() != Role::Coordinator {
            return Err(PageError::Conflict("editor_coordinators_only".into()));
        }
        let editor = data.checked("editor");
        state.store.set_user_editor(id, editor).await?;
        tracing::info!(user = id, by = me.user.id, editor, "tutorial-editor right changed");
        Ok(Redirect::to("/coordination/benevoles").into_response())
    }
    .await;
    finish(&ctx, result)
}

pub struct CountRow {
    pub id: String,
    pub label: String,
    pub count: i64,
}

pub struct CountTable {
    pub id: &'static str,
    pub title: String,
    pub rows: Vec<CountRow>,
    pub max: i64,
}

#[derive(Template)]
#[template(path = "figures.html")]
struct FiguresPage<'a> {
    ctx: &'a PageCtx,
    intro: String,
    created: i64,
    closed: i64,
    median_minutes: Option<i64>,
    first_callbacks: i64,
    tables: Vec<CountTable>,
}

fn count_table(id: &'static str, title: String, counts: &[Count], label_of: impl Fn(&str) -> String) -> CountTable {
    CountTable {
        id,
        title,
        max: counts.iter().map(|c| c.count).max().unwrap_or(0).max(1),
        rows: counts
            .iter()
            .enumerate()
            .map(|(i, c)| CountRow { id: format!("{id}-{i}"), label: label_of(&c.key), count: c.count })
            .collect(),
    }
}

pub async fn figures(State(state): State<AppState>, ctx: PageCtx) -> Response {
    let result = async {
        session_for(&ctx, Action::ViewStats)?;
        let tr = &ctx.tr;
        let (from, to) = actions::today_paris();
        let stats = state.store.stats(from, to).await?;
        let topics = state.store.topics(true).await?;
        let tables = vec![
            count_table("by-channel", tr.t("figures-by-channel"), &stats.by_channel, |k| label(tr, "channel", k)),
            count_table("by-topic", tr.t("figures-by-topic"), &stats.by_topic, |k| topic_label(tr, &topics, k).label),
            count_table("by-outcome", tr.t("figures-by-outcome"), &stats.by_outcome, |k| label(tr, "outcome", k)),
            count_table("by-referral", tr.t("stats-referrals-title"), &stats.by_referral_state, |k| label(tr, "referral-state", k)),
        ];
        let day = jiff::Timestamp::from_millisecond(from)
            .map(|t| t.to_zoned_datetime(jiff::tz::TimeZone::get("Europe/Paris").unwrap_or(jiff::tz::TimeZone::UTC)).strftime("%d/%m/%Y").to_string())
            .unwrap_or_default();
        let page = FiguresPage {
            ctx: &ctx,
            intro: ctx.tr.t1("figures-intro", "day", super::forms::isolate(tr, &day)),
            created: stats.created,
            closed: stats.closed,
            median_minutes: stats.median_wait_to_first_callback_ms.map(|ms| (ms + 30_000) / 60_000),
            first_callbacks: stats.first_callbacks,
            tables,
        };
        Ok(render(&page))
    }
    .await;
    finish(&ctx, result)
}
