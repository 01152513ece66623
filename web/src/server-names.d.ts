// The server's types, which the desk imports (src/api-types.ts), name Node's Buffer for capture bytes; the desk
// never receives those, so here it is only bytes. No other Node name may appear in what the desk imports.
type Buffer = Uint8Array;
