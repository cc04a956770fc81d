// Placeholder: the owner of this area defines the repository interface here.
export interface IssueRepository {}
