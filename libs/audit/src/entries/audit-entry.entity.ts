import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A redacted change set as stored in `jsonb`. */
export type ChangeSet = object | string | number | boolean | null;

export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/**
 * One row of the append-only audit trail. Actor fields are copies, not a foreign key, so an
 * entry outlives the user it names. For `failure` and `denied` entries `after` holds what the
 * request attempted (redacted), since nothing changed.
 */
@Entity({ name: 'audit_entries' })
export class AuditEntry {
  @PrimaryColumn('uuid')
  id!: string;

  /** When the request was decided (not when the batch reached the database). */
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'actor_id', type: 'text', nullable: true })
  actorId!: string | null;

  @Column({ name: 'actor_email', type: 'text', nullable: true })
  actorEmail!: string | null;

  @Column({ name: 'actor_role', type: 'text', nullable: true })
  actorRole!: string | null;

  @Column({ type: 'text' })
  action!: string;

  @Column({ name: 'resource_type', type: 'text', nullable: true })
  resourceType!: string | null;

  @Column({ name: 'resource_id', type: 'text', nullable: true })
  resourceId!: string | null;

  @Column({ type: 'text' })
  outcome!: AuditOutcome;

  @Column({ name: 'error_code', type: 'text', nullable: true })
  errorCode!: string | null;

  @Column({ name: 'status_code', type: 'smallint', nullable: true })
  statusCode!: number | null;

  @Column({ type: 'text' })
  method!: string;

  @Column({ type: 'text' })
  path!: string;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId!: string | null;

  @Column({ type: 'text', nullable: true })
  ip!: string | null;

  @Column({ name: 'user_agent', type: 'text', nullable: true })
  userAgent!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before!: ChangeSet;

  @Column({ type: 'jsonb', nullable: true })
  after!: ChangeSet;
}
