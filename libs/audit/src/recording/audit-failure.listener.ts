import { RequestOutcomeBus } from '@botdeck/core';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { AuditRecorder } from './audit-recorder.service';

/** Subscribes the audit trail to every request that ends in an error. */
@Injectable()
export class AuditFailureListener implements OnModuleInit {
  constructor(
    private readonly outcomes: RequestOutcomeBus,
    private readonly recorder: AuditRecorder,
  ) {}

  onModuleInit(): void {
    this.outcomes.onFailure((failure) => this.recorder.recordFailure(failure));
  }
}
