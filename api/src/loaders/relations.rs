//! The has-many relations the API loads in batches.
use super::HasManyRelation;

macro_rules! has_many {
    ($(#[$m:meta])* $name:ident: $entity:ident by $fk:ident order [$($ord:ident),*]) => {
        $(#[$m])*
        pub struct $name;
        impl HasManyRelation for $name {
            type Entity = entity::$entity::Entity;
            fn foreign_key() -> entity::$entity::Column {
                entity::$entity::Column::$fk
            }
            fn order_by() -> Vec<entity::$entity::Column> {
                vec![$(entity::$entity::Column::$ord),*]
            }
        }
    };
}

has_many!(SakerOfMeeting: sak by MeetingId order [Position, Number]);
has_many!(SakerApprovingMinutesOf: sak by ApprovesMinutesOfMeetingId order [Year, Number]);
has_many!(CaseOfficersOfSak: sak_case_officer by SakId order [Position]);
has_many!(AttachmentsOfSak: attachment by SakId order [Number, Id]);
has_many!(AttachmentsOfMeeting: attachment by MeetingId order [Number, Id]);
has_many!(AttendanceOfMeeting: attendance by MeetingId order [Position, Id]);
has_many!(AttendanceOfPerson: attendance by PersonId order [MeetingId]);
has_many!(HabilitetOfSak: conflict_of_interest by SakId order [Id]);
has_many!(ReferencesOfSak: sak_reference by SakId order [Id]);
has_many!(PresentersOfSak: sak_presenter by SakId order [Id]);
has_many!(FollowUpsOfSak: follow_up by SakId order [Id]);
has_many!(CommentsOfMeeting: minutes_comment by MeetingId order [CreatedAt, Id]);
has_many!(AffiliationsOfPerson: affiliation by PersonId order [StartsOn, Id]);
has_many!(AppointmentsOfPerson: appointment by PersonId order [StartsOn, Id]);
has_many!(MembersOfWorkingGroup: working_group_member by WorkingGroupId order [StartsOn, Id]);
has_many!(RoundsOfPolicyDocument: consultation_round by PolicyDocumentId order [Deadline, Id]);
has_many!(RoundsOfWorkingGroup: consultation_round by WorkingGroupId order [Deadline, Id]);
has_many!(GroupsOfPolicyDocument: working_group by PolicyDocumentId order [Id]);
has_many!(WorkingGroupsOfSak: working_group by EstablishedBySakId order [Id]);
