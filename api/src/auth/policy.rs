//! Who may see and do what: every rule lives here. Write services take one of the proof
//! types below as a parameter; they can only be made by these checks, so a forgotten
//! check does not compile.
use entity::{
    enums::{MeetingStatus, MinutesStatus, UserRole},
    meeting,
};

use super::{tokens::Scope, viewer::Viewer};
use crate::error::{AppError, AppResult};

/// Who did something, for the audit log.
#[derive(Clone, Debug)]
pub struct Actor {
    pub user_id: Option<i32>,
    pub label: String,
}

impl Actor {
    /// Command-line and demo-data writes.
    pub fn system(label: &str) -> Self {
        Self {
            user_id: None,
            label: label.to_owned(),
        }
    }
}

/// Proof that the secretariat (or a script acting for it) may write.
#[derive(Clone, Debug)]
pub struct SecretariatWrite {
    actor: Actor,
}

/// Proof that a member acts on their own behalf (habilitet, comments).
#[derive(Clone, Debug)]
pub struct MemberWrite {
    actor: Actor,
    pub person_id: i32,
    /// The secretariat may record on a member's behalf.
    pub on_behalf: bool,
}

/// Proof that a logged-in user manages their own account (API tokens, sessions).
#[derive(Clone, Debug)]
pub struct SelfWrite {
    actor: Actor,
    pub user_id: i32,
}

pub trait Proof {
    fn actor(&self) -> &Actor;
}

impl Proof for SecretariatWrite {
    fn actor(&self) -> &Actor {
        &self.actor
    }
}
impl Proof for MemberWrite {
    fn actor(&self) -> &Actor {
        &self.actor
    }
}
impl Proof for SelfWrite {
    fn actor(&self) -> &Actor {
        &self.actor
    }
}

fn actor_of(viewer: &Viewer) -> AppResult<Actor> {
    let user = viewer.user().ok_or(AppError::Unauthenticated)?;
    Ok(Actor {
        user_id: Some(user.user_id),
        label: user.name.clone(),
    })
}

fn writer(viewer: &Viewer) -> AppResult<Actor> {
    let actor = actor_of(viewer)?;
    if !viewer.has_scope(Scope::Write) {
        return Err(AppError::Forbidden);
    }
    Ok(actor)
}

pub fn secretariat_write(viewer: &Viewer) -> AppResult<SecretariatWrite> {
    let actor = writer(viewer)?;
    if viewer.role() != Some(UserRole::Secretariat) {
        return Err(AppError::Forbidden);
    }
    Ok(SecretariatWrite { actor })
}

/// For the command line and the demo loader, which run with the operator's authority.
pub fn system_write(label: &str) -> SecretariatWrite {
    SecretariatWrite {
        actor: Actor::system(label),
    }
}

/// A member acting for themselves, or the secretariat acting for `person_id`.
pub fn member_write(viewer: &Viewer, person_id: Option<i32>) -> AppResult<MemberWrite> {
    let actor = writer(viewer)?;
    match (viewer.role(), viewer.person_id(), person_id) {
        (Some(UserRole::Secretariat), _, Some(p)) => Ok(MemberWrite {
            actor,
            person_id: p,
            on_behalf: true,
        }),
        (Some(UserRole::Member), Some(own), None) => Ok(MemberWrite {
            actor,
            person_id: own,
            on_behalf: false,
        }),
        (Some(UserRole::Member), Some(own), Some(p)) if p == own => Ok(MemberWrite {
            actor,
            person_id: own,
            on_behalf: false,
        }),
        (Some(UserRole::Secretariat), _, None) => Err(AppError::validation(
            "personId",
            "Say which member this is for",
        )),
        _ => Err(AppError::Forbidden),
    }
}

pub fn self_write(viewer: &Viewer) -> AppResult<SelfWrite> {
    let actor = actor_of(viewer)?;
    // A token cannot mint or revoke tokens; only an interactive login can.
    if viewer.user().is_some_and(|u| u.scopes.is_some()) {
        return Err(AppError::Forbidden);
    }
    let user_id = viewer
        .user()
        .map(|u| u.user_id)
        .ok_or(AppError::Unauthenticated)?;
    Ok(SelfWrite { actor, user_id })
}

pub fn is_secretariat(viewer: &Viewer) -> bool {
    viewer.read_role() == Some(UserRole::Secretariat)
}

/// Reads that only the secretariat may make (audit log, users, unpublished drafts…).
pub fn require_secretariat_read(viewer: &Viewer) -> AppResult<()> {
    match viewer.read_role() {
        Some(UserRole::Secretariat) => Ok(()),
        _ if viewer.user().is_none() => Err(AppError::Unauthenticated),
        _ => Err(AppError::Forbidden),
    }
}

/// A meeting's notice, agenda and saksdokumenter.
pub fn can_read_meeting(viewer: &Viewer, m: &meeting::Model) -> bool {
    match viewer.read_role() {
        Some(UserRole::Secretariat) => true,
        _ => m.status != MeetingStatus::Planned && m.notice_published_at.is_some(),
    }
}

/// The meeting's minutes: discussion, vedtak, attendance, habilitet outcomes.
pub fn can_read_minutes(viewer: &Viewer, m: &meeting::Model) -> bool {
    if !can_read_meeting(viewer, m) {
        return false;
    }
    let s = m.minutes_status;
    match viewer.read_role() {
        Some(UserRole::Secretariat) => true,
        Some(UserRole::Member) => {
            matches!(
                s,
                MinutesStatus::SentForComments | MinutesStatus::Approved | MinutesStatus::Published
            )
        }
        Some(UserRole::Observer) => matches!(s, MinutesStatus::Approved | MinutesStatus::Published),
        None => s == MinutesStatus::Published,
    }
}

/// Comments on draft minutes: the secretariat and members, once the draft is out.
pub fn can_read_minutes_comments(viewer: &Viewer, m: &meeting::Model) -> bool {
    match viewer.read_role() {
        Some(UserRole::Secretariat) => true,
        Some(UserRole::Member) => can_read_minutes(viewer, m),
        _ => false,
    }
}

/// How much of one habilitet record a viewer sees.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HabilitetView {
    /// Nothing: the record answers as if it did not exist.
    Hidden,
    /// The settled outcome, as the minutes state it (no declaration, no reason).
    Outcome,
    /// Everything, declaration and reason included.
    Full,
}

/// SECURITY.md item 19: the secretariat and the member concerned see the whole record at any
/// time; anyone else sees a settled outcome only where they may read the minutes that state
/// it (`can_read_minutes` of the sak's meeting: published for the public, approved for
/// observers, sent for comments for members), and nothing before.
pub fn habilitet_view(
    viewer: &Viewer,
    person_id: i32,
    settled: bool,
    minutes_readable: bool,
) -> HabilitetView {
    let concerned = match viewer.read_role() {
        Some(UserRole::Secretariat) => true,
        Some(_) => viewer.person_id() == Some(person_id),
        None => false,
    };
    match (concerned, settled && minutes_readable) {
        (true, _) => HabilitetView::Full,
        (false, true) => HabilitetView::Outcome,
        (false, false) => HabilitetView::Hidden,
    }
}

/// Whether people's contact details (e-mail, phone) are shown.
pub fn can_read_contact_details(viewer: &Viewer) -> bool {
    matches!(
        viewer.read_role(),
        Some(UserRole::Secretariat | UserRole::Member | UserRole::Observer)
    )
}

pub fn can_read_deadlines(viewer: &Viewer) -> bool {
    viewer.has_scope(Scope::DeadlinesRead) || viewer.read_role().is_some()
}

pub fn can_read_reports(viewer: &Viewer) -> bool {
    viewer.has_scope(Scope::ReportsRead) || viewer.read_role().is_some()
}
