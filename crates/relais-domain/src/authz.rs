//! Who may do what: the one place where authorisation is decided. HTTP handlers name the
//! action they perform and call [`authorize`]; nothing else compares roles.
//! Holding a request (only its volunteer may work on it) is a lifecycle rule, checked by
//! [`crate::lifecycle::apply`]; network scoping is checked by [`may_manage`].

use serde::{Deserialize, Serialize};
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Volunteer,
    Coordinator,
    Admin,
}

impl Role {
    pub const ALL: &'static [Role] = &[Role::Volunteer, Role::Coordinator, Role::Admin];
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Volunteer => "volunteer",
            Role::Coordinator => "coordinator",
            Role::Admin => "admin",
        }
    }
}

impl FromStr for Role {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "volunteer" => Ok(Role::Volunteer),
            "coordinator" => Ok(Role::Coordinator),
            "admin" => Ok(Role::Admin),
            other => Err(format!("unknown role {other:?} (volunteer, coordinator or admin)")),
        }
    }
}

/// Everything a signed-in person or the public can ask of Relais.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Ask for help, look up or cancel one's own request (reference + phone).
    SubmitRequest,
    ReadTopics,
    /// Go on or off duty, take the next request, work on the ones held, see one's history.
    Serve,
    /// See a request's personal data (the holder, or a coordinator for the line).
    ViewRequest,
    ViewQueue,
    AssignRequest,
    ManageVolunteers,
    ViewStats,
    EditTopics,
    ViewAccessJournal,
    /// Book and cancel one's own shifts, see the slots, get one's calendar feed.
    BookShifts,
    /// See the coverage grid, set a shift's wanted number, e-mail the usual volunteers.
    ManageShifts,
    /// Edit the service hours, public-holiday choice and closures.
    EditServiceHours,
    /// See the e-mail outbox (masked recipients), retry or cancel a message.
    ManageOutbox,
}

impl Action {
    pub const ALL: &'static [Action] = &[
        Action::SubmitRequest,
        Action::ReadTopics,
        Action::Serve,
        Action::ViewRequest,
        Action::ViewQueue,
        Action::AssignRequest,
        Action::ManageVolunteers,
        Action::ViewStats,
        Action::EditTopics,
        Action::ViewAccessJournal,
        Action::BookShifts,
        Action::ManageShifts,
        Action::EditServiceHours,
        Action::ManageOutbox,
    ];
}

/// Whether someone with `role` (`None`: not signed in) may perform `action`.
pub fn authorize(role: Option<Role>, action: Action) -> bool {
    use Action::*;
    match action {
        SubmitRequest | ReadTopics => true,
        Serve | ViewRequest | BookShifts => role.is_some(),
        ViewQueue | AssignRequest | ManageVolunteers | ViewStats | ManageShifts => role >= Some(Role::Coordinator),
        EditTopics | ViewAccessJournal | EditServiceHours | ManageOutbox => role == Some(Role::Admin),
    }
}

/// Whether a coordinator of `own_networks` may manage someone in `their_networks`. Admins
/// manage everyone; a coordinator, people who share at least one network with them.
pub fn may_manage(role: Role, own_networks: &[i64], their_networks: &[i64]) -> bool {
    match role {
        Role::Admin => true,
        Role::Coordinator => their_networks.iter().any(|n| own_networks.contains(n)),
        Role::Volunteer => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_actions_need_no_session() {
        assert!(authorize(None, Action::SubmitRequest));
        assert!(!authorize(None, Action::Serve));
        assert!(!authorize(None, Action::ViewQueue));
    }

    #[test]
    fn roles_are_ordered_by_power() {
        for a in Action::ALL {
            if authorize(Some(Role::Volunteer), *a) {
                assert!(authorize(Some(Role::Coordinator), *a), "{a:?}");
            }
            if authorize(Some(Role::Coordinator), *a) {
                assert!(authorize(Some(Role::Admin), *a), "{a:?}");
            }
        }
        assert!(!authorize(Some(Role::Volunteer), Action::ViewQueue));
        assert!(!authorize(Some(Role::Coordinator), Action::EditTopics));
        assert!(!authorize(Some(Role::Coordinator), Action::ManageOutbox));
        assert!(authorize(Some(Role::Admin), Action::ManageOutbox));
    }

    #[test]
    fn coordinators_manage_their_networks_only() {
        assert!(may_manage(Role::Coordinator, &[1, 2], &[2]));
        assert!(!may_manage(Role::Coordinator, &[1], &[2]));
        assert!(!may_manage(Role::Coordinator, &[1], &[]));
        assert!(may_manage(Role::Admin, &[], &[5]));
        assert!(!may_manage(Role::Volunteer, &[1], &[1]));
    }
}
