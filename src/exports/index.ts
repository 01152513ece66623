/** Export writers: stored events and transfers in, file text out (pure functions; the CLI and server write the bytes). */
export { toCsv, toJsonl, toGeojson, EVENT_CSV_COLUMNS, quantitiesText, geojsonFeature, eventStreamWriter, type EventStreamWriter } from './events.js';
export { toGdelt, gdeltRow, GDELT_COLUMNS, splitActorCode } from './gdelt.js';
export {
  toTransfersCsv,
  toTransfersJsonl,
  TRANSFER_CSV_COLUMNS,
  toRegisterCsv,
  toRegisterJsonl,
  REGISTER_CSV_COLUMNS,
} from './transfers.js';
export { csvField, parseCsv, toCsvText } from './csv.js';
