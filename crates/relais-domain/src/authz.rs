//! Who may do what: the one place where authorisation is decided. HTTP handlers name the
//! action they perform and call [`authorize`]; nothing else compares roles.
//! Holding a request (only its volunteer may work on it) is a lifecycle rule, checked by
//! [`crate::lifecycle::apply`]; network scoping is checked by [`may_manage`].

use serde::{Deserialize, Serialize};
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// An account of a partner structure (CCAS, social centre, France Services): sends help
    /// requests and referrals, sees what it sent. Not part of the line's staff; first in the
    /// order so that `role >= Some(Role::Volunteer)` means "staff of the line".
    Partner,
    Volunteer,
    Coordinator,
    Admin,
}

impl Role {
    pub const ALL: &'static [Role] = &[Role::Partner, Role::Volunteer, Role::Coordinator, Role::Admin];
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Partner => "partner",
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
            "partner" => Ok(Role::Partner),
            "volunteer" => Ok(Role::Volunteer),
            "coordinator" => Ok(Role::Coordinator),
            "admin" => Ok(Role::Admin),
            other => Err(format!("unknown role {other:?} (partner, volunteer, coordinator or admin)")),
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
    /// Sign up as a volunteer on the public page, or accept an invitation.
    SignUp,
    /// Edit one's own volunteer profile and read the training page.
    EditOwnProfile,
    /// Invite people by CSV, see a volunteer's page, give and remove badges (own networks).
    InviteVolunteers,
    /// See a volunteer's personal phone (own networks, if the volunteer allows it; journaled).
    ViewVolunteerPhone,
    /// Edit the volunteer charter and the badge catalogue.
    EditCharter,
    /// Read and search the tutorial library, answer "did this help you?" (the public).
    ReadTutorials,
    /// Send a tutorial's link to the person of a request (its holder; checked by the caller
    /// against the lifecycle's holder rule).
    SendTutorial,
    /// Edit, preview, publish and restore tutorials, see their feedback counts: administrators,
    /// and coordinators with the tutorial-editor capability.
    EditTutorials,
    /// Give or withdraw a coordinator's tutorial-editor right (administrators).
    GrantTutorialEditor,
    /// Book and cancel one's own shifts, see the slots, get one's calendar feed.
    BookShifts,
    /// See the coverage grid, set a shift's wanted number, e-mail the usual volunteers.
    ManageShifts,
    /// Edit the service hours, public-holiday choice and closures.
    EditServiceHours,
    /// See the e-mail outbox (masked recipients), retry or cancel a message.
    ManageOutbox,
    /// Create, edit, close, archive and check places of the directory, upload an import
    /// file (coordinators: they know the places of their area).
    ManagePlaces,
    /// Orient a person to a place (a referral): the line's staff (a volunteer for a request
    /// they hold, checked by the caller) and partners.
    OrientPerson,
    /// Send a help request to the line on behalf of a person (channel `referral`): partners,
    /// and coordinators.
    SubmitOnBehalf,
    /// See the status of what one's partner account sent (its own only).
    ViewOwnSubmissions,
    /// Create partner accounts, see every referral and record a place's answer by phone.
    ManagePartners,
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
        Action::SignUp,
        Action::EditOwnProfile,
        Action::InviteVolunteers,
        Action::ViewVolunteerPhone,
        Action::EditCharter,
        Action::ReadTutorials,
        Action::SendTutorial,
        Action::EditTutorials,
        Action::GrantTutorialEditor,
        Action::BookShifts,
        Action::ManageShifts,
        Action::EditServiceHours,
        Action::ManageOutbox,
        Action::ManagePlaces,
        Action::OrientPerson,
        Action::SubmitOnBehalf,
        Action::ViewOwnSubmissions,
        Action::ManagePartners,
    ];
}

/// What an account may do beyond its role, granted by an administrator.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Capabilities {
    /// Edits tutorials (meaningful for coordinators; administrators always may).
    pub tutorial_editor: bool,
}

/// Whether someone with `role` (`None`: not signed in) and no extra capability may perform
/// `action`.
pub fn authorize(role: Option<Role>, action: Action) -> bool {
    authorize_with(role, Capabilities::default(), action)
}

/// Whether someone with `role` and `caps` may perform `action`.
pub fn authorize_with(role: Option<Role>, caps: Capabilities, action: Action) -> bool {
    use Action::*;
    match action {
        SubmitRequest | ReadTopics | SignUp | ReadTutorials => true,
        // The line's staff: a partner is signed in but is not a volunteer.
        Serve | ViewRequest | EditOwnProfile | SendTutorial | BookShifts => role >= Some(Role::Volunteer),
        OrientPerson => role.is_some(),
        SubmitOnBehalf => role == Some(Role::Partner) || role >= Some(Role::Coordinator),
        ViewOwnSubmissions => role == Some(Role::Partner),
        ViewQueue | AssignRequest | ManageVolunteers | ViewStats | InviteVolunteers | ViewVolunteerPhone | ManageShifts
        | ManagePlaces | ManagePartners => {
            role >= Some(Role::Coordinator)
        }
        EditTopics | ViewAccessJournal | EditCharter | ManageOutbox | GrantTutorialEditor | EditServiceHours => {
            role == Some(Role::Admin)
        }
        // A volunteer with the flag set (e.g. after a role change) still may not edit.
        EditTutorials => role == Some(Role::Admin) || (role == Some(Role::Coordinator) && caps.tutorial_editor),
    }
}

/// Whether a coordinator of `own_networks` may manage someone in `their_networks`. Admins
/// manage everyone; a coordinator, people who share at least one network with them.
pub fn may_manage(role: Role, own_networks: &[i64], their_networks: &[i64]) -> bool {
    match role {
        Role::Admin => true,
        Role::Coordinator => their_networks.iter().any(|n| own_networks.contains(n)),
        Role::Volunteer | Role::Partner => false,
    }
}

/// Whether `role` may see the personal phone of someone in `their_networks` who chose
/// `visible_to_coordinators`: never a volunteer, never against the volunteer's choice.
pub fn may_see_phone(role: Role, own_networks: &[i64], their_networks: &[i64], visible_to_coordinators: bool) -> bool {
    visible_to_coordinators && authorize(Some(role), Action::ViewVolunteerPhone) && may_manage(role, own_networks, their_networks)
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
    fn partners_send_and_follow_but_do_not_serve() {
        let p = Some(Role::Partner);
        for a in [Action::OrientPerson, Action::SubmitOnBehalf, Action::ViewOwnSubmissions, Action::SubmitRequest] {
            assert!(authorize(p, a), "{a:?}");
        }
        for a in [Action::Serve, Action::ViewRequest, Action::ViewQueue, Action::SendTutorial, Action::BookShifts, Action::EditOwnProfile, Action::ManagePartners, Action::ViewStats] {
            assert!(!authorize(p, a), "{a:?}");
        }
        assert!(!authorize(None, Action::OrientPerson));
        assert!(!authorize(None, Action::SubmitOnBehalf));
        assert!(authorize(Some(Role::Volunteer), Action::OrientPerson));
        assert!(!authorize(Some(Role::Volunteer), Action::SubmitOnBehalf));
        assert!(!authorize(Some(Role::Volunteer), Action::ViewOwnSubmissions));
        assert!(authorize(Some(Role::Coordinator), Action::ManagePartners));
        assert!(!may_manage(Role::Partner, &[1], &[1]));
        assert_eq!("partner".parse::<Role>(), Ok(Role::Partner));
    }

    #[test]
    fn roles_are_ordered_by_power() {
        for a in Action::ALL {
            // The partner's own page is theirs alone.
            if *a == Action::ViewOwnSubmissions {
                continue;
            }
            if authorize(Some(Role::Partner), *a) {
                assert!(authorize(Some(Role::Coordinator), *a), "{a:?}");
            }
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
        assert!(!authorize(Some(Role::Volunteer), Action::ManagePlaces));
        assert!(!authorize(None, Action::ManagePlaces));
        assert!(authorize(Some(Role::Coordinator), Action::ManagePlaces));
    }

    #[test]
    fn tutorial_editors_are_admins_and_coordinators_given_the_right() {
        let editor = Capabilities { tutorial_editor: true };
        assert!(authorize(Some(Role::Admin), Action::EditTutorials));
        assert!(!authorize(Some(Role::Coordinator), Action::EditTutorials));
        assert!(authorize_with(Some(Role::Coordinator), editor, Action::EditTutorials));
        assert!(!authorize_with(Some(Role::Volunteer), editor, Action::EditTutorials));
        assert!(!authorize_with(None, editor, Action::EditTutorials));
        assert!(authorize(None, Action::ReadTutorials));
        assert!(!authorize(None, Action::SendTutorial));
        assert!(authorize(Some(Role::Volunteer), Action::SendTutorial));
    }

    #[test]
    fn coordinators_manage_their_networks_only() {
        assert!(may_manage(Role::Coordinator, &[1, 2], &[2]));
        assert!(!may_manage(Role::Coordinator, &[1], &[2]));
        assert!(!may_manage(Role::Coordinator, &[1], &[]));
        assert!(may_manage(Role::Admin, &[], &[5]));
        assert!(!may_manage(Role::Volunteer, &[1], &[1]));
    }

    #[test]
    fn a_phone_is_seen_only_within_the_network_and_with_consent() {
        assert!(may_see_phone(Role::Coordinator, &[1], &[1, 3], true));
        assert!(!may_see_phone(Role::Coordinator, &[1], &[1], false));
        assert!(!may_see_phone(Role::Coordinator, &[2], &[1], true));
        assert!(!may_see_phone(Role::Volunteer, &[1], &[1], true));
        assert!(may_see_phone(Role::Admin, &[], &[1], true));
        assert!(!may_see_phone(Role::Admin, &[], &[1], false));
    }
}
