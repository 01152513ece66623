/** The `entities` stage. Placeholder until its issue lands: finds nothing. */
import { defineStage } from '../../core/stage.js';

export const entities = defineStage('entities', () => []);
