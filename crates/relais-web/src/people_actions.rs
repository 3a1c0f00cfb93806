//! What coordinators do with people, shared by pages and API: invite a file of people,
//! check that a volunteer is within their networks. Permissions come from
//! `relais_domain::authz`; the file rules from `relais_domain::people`.

use crate::error::ApiError;
use crate::state::AppState;
use crate::{now_ms, people_mail};
use relais_domain::authz::{may_manage, Action};
use relais_domain::people::{parse_invitations, CsvProblem};
use relais_store::people::{token_hash, InviteOutcome, NewInvitation};
use relais_store::{Network, Session, User};

/// Why a file was not accepted.
#[derive(Debug)]
pub enum InviteError {
    /// The file has problems; nothing was written.
    Rows(Vec<CsvProblem>),
    Api(ApiError),
}

impl From<ApiError> for InviteError {
    fn from(e: ApiError) -> Self {
        InviteError::Api(e)
    }
}

impl From<relais_store::StoreError> for InviteError {
    fn from(e: relais_store::StoreError) -> Self {
        InviteError::Api(e.into())
    }
}

/// The networks `me` may invite into or see people of: their own, or all for an admin.
pub async fn my_networks(state: &AppState, me: &Session) -> Result<Vec<Network>, ApiError> {
    let all = state.store.networks().await?;
    Ok(all.into_iter().filter(|n| may_manage(me.user.role(), &me.networks, &[n.id])).collect())
}

/// Reads, checks and stores an invitation file: every row is checked before anything is
/// written; then every account, link and e-mail is written in one transaction.
pub async fn invite(
    state: &AppState,
    session: Option<&Session>,
    network_id: i64,
    file: &[u8],
    tr: &crate::i18n::Tr,
) -> Result<InviteOutcome, InviteError> {
    let me = crate::auth::require_user(session, Action::InviteVolunteers)?;
    if !may_manage(me.user.role(), &me.networks, &[network_id]) {
        return Err(ApiError::Forbidden.into());
    }
    let network = state.store.network(network_id).await?;
    let topics: Vec<String> = state.store.topics(true).await?.into_iter().map(|t| t.id).collect();
    let rows = parse_invitations(file, &topics).map_err(InviteError::Rows)?;
    let now = now_ms();
    let days = (state.config.invitation_ttl / relais_domain::DAY).max(1);
    let batch: Vec<_> = rows
        .into_iter()
        .map(|r| {
            let token = relais_store::sessions::random_token();
            let hash = token_hash(&token);
            // A file with a `structure` column invites partners: their own link and e-mail.
            let mail = match &r.structure {
                Some(structure) => people_mail::partner_invitation(tr, &token, &hash, &r.email, &r.name, structure, days, &state.config.public_url, now),
                None => people_mail::invitation(tr, &token, &hash, &r.email, &r.name, &network.name, days, &state.config.public_url, now),
            };
            (NewInvitation { name: r.name, email: r.email, languages: r.languages, topics: r.topics, token_hash: hash, structure: r.structure }, mail)
        })
        .collect();
    let outcome = state.store.invite(network_id, me.user.id, now + state.config.invitation_ttl, &batch, now).await?;
    state.mail_enqueued();
    tracing::info!(by = me.user.id, network = network_id, invited = outcome.invited_count, known = outcome.already_known, "invitations");
    Ok(outcome)
}

/// The volunteer `id` if `me` may manage them (their networks), with those networks.
pub async fn managed_person(state: &AppState, me: &Session, id: i64) -> Result<(User, Vec<i64>), ApiError> {
    let user = state.store.user(id).await?;
    let networks = state.store.user_networks(id).await?;
    if !may_manage(me.user.role(), &me.networks, &networks) {
        return Err(ApiError::Forbidden);
    }
    Ok((user, networks))
}
