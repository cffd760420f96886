import { Injectable } from '@nestjs/common';
import { Registry } from 'prom-client';

/**
 * This process's Prometheus registry. Each lib registers its own `botdeck_*` series here
 * (`registers: [registry]`), so the series live beside the code that moves them and two apps
 * in one test process never collide on prom-client's global registry.
 */
@Injectable()
export class MetricsRegistry extends Registry {}
