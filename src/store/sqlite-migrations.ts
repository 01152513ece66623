/** SQLite schema, as an ordered list of migrations; append, never edit one that has shipped. */

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'captures, articles, full text, entities, events, transfers, failures',
    sql: `
      CREATE TABLE captures (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE,
        size INTEGER NOT NULL,
        media_type TEXT NOT NULL,
        origin TEXT NOT NULL,
        url TEXT,
        captured_at TEXT NOT NULL,
        is_gzipped INTEGER NOT NULL,
        bytes BLOB NOT NULL
      );
      CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        capture_id INTEGER NOT NULL UNIQUE REFERENCES captures(id) ON DELETE CASCADE,
        title TEXT,
        text TEXT NOT NULL,
        publisher TEXT,
        source TEXT,
        section TEXT,
        byline TEXT,
        published TEXT,
        published_day TEXT,
        language TEXT,
        url TEXT,
        pipeline_version TEXT NOT NULL,
        analyzed_at TEXT NOT NULL,
        analysis TEXT NOT NULL
      );
      CREATE INDEX articles_published_day ON articles(published_day);
      CREATE INDEX articles_source ON articles(source COLLATE NOCASE);
      CREATE INDEX articles_section ON articles(section COLLATE NOCASE);
      CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
      END;
      CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
      END;
      CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
      END;
      CREATE TABLE entities (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        code TEXT,
        lat REAL,
        lon REAL
      );
      CREATE INDEX entities_code ON entities(code);
      CREATE TABLE mentions (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        entity_id TEXT NOT NULL REFERENCES entities(id),
        name TEXT NOT NULL,
        role TEXT,
        affiliation TEXT,
        count INTEGER NOT NULL,
        first_start INTEGER NOT NULL,
        PRIMARY KEY (article_id, entity_id)
      );
      CREATE INDEX mentions_entity ON mentions(entity_id);
      CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        cameo TEXT NOT NULL,
        root TEXT NOT NULL,
        plover TEXT NOT NULL,
        quad_class INTEGER,
        goldstein REAL,
        source_name TEXT,
        source_code TEXT,
        target_name TEXT,
        target_code TEXT,
        date TEXT,
        precision TEXT NOT NULL,
        modality TEXT NOT NULL,
        quantities TEXT NOT NULL,
        location_name TEXT,
        lat REAL,
        lon REAL,
        speaker TEXT,
        via TEXT NOT NULL,
        evidence TEXT NOT NULL
      );
      CREATE INDEX events_article ON events(article_id);
      CREATE INDEX events_date ON events(date);
      CREATE INDEX events_root ON events(root);
      CREATE INDEX events_source ON events(source_code);
      CREATE INDEX events_target ON events(target_code);
      CREATE TABLE transfers (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        supplier TEXT,
        recipient TEXT,
        items TEXT NOT NULL,
        status TEXT NOT NULL,
        date TEXT,
        evidence TEXT NOT NULL
      );
      CREATE INDEX transfers_article ON transfers(article_id);
      CREATE TABLE failures (
        id INTEGER PRIMARY KEY,
        origin TEXT NOT NULL,
        sha256 TEXT,
        code TEXT NOT NULL,
        message TEXT NOT NULL,
        at TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'monitoring: watch state, stories, outlets, event credibility, alerts',
    sql: `
      CREATE TABLE watch_sources (
        source_key TEXT PRIMARY KEY,
        etag TEXT,
        last_modified TEXT,
        last_polled_at TEXT,
        last_status TEXT,
        last_error TEXT
      );
      CREATE TABLE watch_items (
        source_key TEXT NOT NULL,
        item_id TEXT NOT NULL,
        url TEXT,
        status TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        article_id INTEGER,
        seen_at TEXT NOT NULL,
        PRIMARY KEY (source_key, item_id)
      );
      CREATE INDEX watch_items_url ON watch_items(url);
      CREATE TABLE stories (
        id INTEGER PRIMARY KEY,
        headline TEXT,
        first_seen TEXT,
        last_seen TEXT,
        article_count INTEGER NOT NULL,
        outlet_count INTEGER NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX stories_first_seen ON stories(first_seen);
      CREATE TABLE story_features (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        story_id INTEGER REFERENCES stories(id) ON DELETE SET NULL,
        day TEXT,
        features TEXT NOT NULL
      );
      CREATE INDEX story_features_day ON story_features(day);
      CREATE INDEX story_features_story ON story_features(story_id);
      CREATE TABLE outlets (
        name TEXT PRIMARY KEY,
        host TEXT,
        reliability TEXT NOT NULL,
        kind TEXT,
        is_state_affiliated INTEGER NOT NULL,
        is_wire_agency INTEGER NOT NULL,
        is_official_body INTEGER NOT NULL,
        grade_origin TEXT NOT NULL
      );
      CREATE TABLE event_credibility (
        event_id INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
        article_id INTEGER NOT NULL,
        story_id INTEGER,
        grade INTEGER NOT NULL,
        independent_sources INTEGER NOT NULL,
        reason TEXT NOT NULL
      );
      CREATE INDEX event_credibility_article ON event_credibility(article_id);
      CREATE INDEX event_credibility_story ON event_credibility(story_id);
      CREATE TABLE alerts (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        query TEXT NOT NULL,
        email TEXT,
        digest TEXT NOT NULL,
        created_at TEXT NOT NULL,
        last_sent_at TEXT,
        last_article_id INTEGER NOT NULL DEFAULT 0
      );
    `,
  },
  {
    version: 3,
    name: 'search: indexes for the desk filters, article_sections for section search',
    sql: `
      CREATE INDEX articles_publisher ON articles(publisher COLLATE NOCASE);
      CREATE INDEX articles_day_id ON articles(published_day, id);
      CREATE INDEX events_plover ON events(plover, article_id);
      CREATE INDEX events_cameo ON events(cameo);
      CREATE INDEX entities_type_code ON entities(type, code);
      CREATE TABLE article_sections (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        name TEXT NOT NULL COLLATE NOCASE,
        PRIMARY KEY (article_id, name)
      ) WITHOUT ROWID;
      CREATE INDEX article_sections_name ON article_sections(name, article_id);
      CREATE TRIGGER article_sections_ai AFTER INSERT ON articles BEGIN
        INSERT OR IGNORE INTO article_sections (article_id, name) SELECT new.id, new.section WHERE new.section IS NOT NULL;
        INSERT OR IGNORE INTO article_sections (article_id, name)
          SELECT new.id, json_extract(s.value, '$.name') FROM json_each(new.analysis, '$.sections') s
          WHERE json_extract(s.value, '$.name') IS NOT NULL;
      END;
      CREATE TRIGGER article_sections_au AFTER UPDATE OF section, analysis ON articles BEGIN
        DELETE FROM article_sections WHERE article_id = new.id;
        INSERT OR IGNORE INTO article_sections (article_id, name) SELECT new.id, new.section WHERE new.section IS NOT NULL;
        INSERT OR IGNORE INTO article_sections (article_id, name)
          SELECT new.id, json_extract(s.value, '$.name') FROM json_each(new.analysis, '$.sections') s
          WHERE json_extract(s.value, '$.name') IS NOT NULL;
      END;
      INSERT OR IGNORE INTO article_sections (article_id, name) SELECT id, section FROM articles WHERE section IS NOT NULL;
      INSERT OR IGNORE INTO article_sections (article_id, name)
        SELECT a.id, json_extract(s.value, '$.name') FROM articles a, json_each(a.analysis, '$.sections') s
        WHERE json_extract(s.value, '$.name') IS NOT NULL;
    `,
  },
  {
    version: 4,
    name: 'search: covering indexes, so filters and facets read indexes only, never event or article rows',
    sql: `
      CREATE INDEX articles_facets ON articles(id, source, publisher, section);
      CREATE INDEX events_article_codes ON events(article_id, plover, source_code, target_code);
      CREATE INDEX mentions_entity_article ON mentions(entity_id, article_id);
      CREATE INDEX events_source_article ON events(source_code, article_id);
      CREATE INDEX events_target_article ON events(target_code, article_id);
      CREATE INDEX events_root_article ON events(root, article_id);
      CREATE INDEX events_cameo_article ON events(cameo, article_id);
    `,
  },
  {
    version: 5,
    name: 'search: a log of rewritten and deleted articles, so in-memory facet postings follow them',
    sql: `
      CREATE TABLE search_changes (seq INTEGER PRIMARY KEY, article_id INTEGER NOT NULL);
      CREATE TRIGGER search_changes_au AFTER UPDATE ON articles BEGIN
        INSERT INTO search_changes (article_id) VALUES (new.id);
      END;
      CREATE TRIGGER search_changes_ad AFTER DELETE ON articles BEGIN
        INSERT INTO search_changes (article_id) VALUES (old.id);
      END;
    `,
  },
];
