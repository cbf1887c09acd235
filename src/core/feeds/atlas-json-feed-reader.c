/* atlas-json-feed-reader.c: JSON Feed 1.0/1.1 with the `_atlas` extension
 *
 * json-glib 1.6 is not safe on hostile input by itself: deep nesting exhausts
 * the stack, integers beyond 64 bits wrap silently, `\u0000` cuts a string and
 * empty input "parses" to nothing, and its error paths leak (found by
 * fuzzing). So the raw text first goes through a full grammar check that
 * refuses what is not JSON, and rewrites, in place and at the same length,
 * what json-glib would mangle. After parsing, every node is
 * type-checked before use; a wrong piece is skipped and noted, never fatal.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "atlas-feed-reader-private.h"
#include "atlas-html.h"
#include "atlas-kinds.h"
#include "atlas-countries.h"
#include "atlas-text.h"

/* ---- pre-scan ----------------------------------------------------------- */

typedef struct
{
  gboolean replaced_nul;
  gboolean replaced_surrogate;
  gboolean replaced_number;
} PrescanNotes;

static int
hex_value (const char *p)
{
  int v = 0;

  for (int i = 0; i < 4; i++)
    {
      int d = g_ascii_xdigit_value (p[i]);
      if (d < 0)
        return -1;
      v = v * 16 + d;
    }
  return v;
}

static void
replace_escape (char *escape)
{
  memcpy (escape, "\\uFFFD", 6);
}

/* A number json-glib would wrap or turn into infinity becomes "1e999" (padded
 * with blanks to the same length), which always reads as infinity: the typed
 * getters below then refuse it as out of range. */
static void
check_number (char         *start,
              gsize         len,
              PrescanNotes *notes)
{
  g_autofree char *token = g_strndup (start, len);
  gboolean is_integer = strpbrk (token, ".eE") == NULL;

  if (!is_integer)
    return;

  errno = 0;
  g_ascii_strtoll (token, NULL, 10);
  if (errno != ERANGE)
    return;

  memset (start, ' ', len);
  if (token[0] == '-')
    memcpy (start, "-1e999", 6);
  else
    memcpy (start, "1e999", 5);
  notes->replaced_number = TRUE;
}

/* A JSON grammar check in one pass: json-glib is only ever given valid JSON,
 * so none of its error paths (which leak) is reached. Recursion is bounded by
 * the depth limit. */
typedef struct
{
  char                  *text;
  gsize                  len;
  gsize                  pos;
  guint                  depth;
  const AtlasFeedLimits *limits;
  PrescanNotes          *notes;
  const char            *problem;
} Scan;

static gboolean
scan_fail (Scan       *scan,
           const char *problem)
{
  if (scan->problem == NULL)
    scan->problem = problem;
  return FALSE;
}

static void
skip_space (Scan *scan)
{
  while (scan->pos < scan->len &&
         (scan->text[scan->pos] == ' ' || scan->text[scan->pos] == '\t' ||
          scan->text[scan->pos] == '\n' || scan->text[scan->pos] == '\r'))
    scan->pos++;
}

static gboolean
scan_string (Scan *scan)
{
  char *text = scan->text;

  scan->pos++;
  while (scan->pos < scan->len)
    {
      guchar c = text[scan->pos];

      if (c == '"')
        {
          scan->pos++;
          return TRUE;
        }
      if (c < 0x20)
        return scan_fail (scan, N_("a control character inside a string"));
      if (c != '\\')
        {
          scan->pos++;
          continue;
        }

      if (scan->pos + 1 >= scan->len)
        break;
      if (text[scan->pos + 1] != 'u')
        {
          if (strchr ("\"\\/bfnrt", text[scan->pos + 1]) == NULL || text[scan->pos + 1] == '\0')
            return scan_fail (scan, N_("an invalid escape in a string"));
          scan->pos += 2;
          continue;
        }

      {
        int v = scan->pos + 6 <= scan->len ? hex_value (text + scan->pos + 2) : -1;

        if (v < 0)
          return scan_fail (scan, N_("an invalid \\u escape in a string"));
        if (v == 0)
          {
            replace_escape (text + scan->pos);
            scan->notes->replaced_nul = TRUE;
          }
        else if (v >= 0xD800 && v <= 0xDBFF)
          {
            int low = -1;

            if (scan->pos + 12 <= scan->len && text[scan->pos + 6] == '\\' && text[scan->pos + 7] == 'u')
              low = hex_value (text + scan->pos + 8);
            if (low >= 0xDC00 && low <= 0xDFFF)
              {
                scan->pos += 12;
                continue;
              }
            replace_escape (text + scan->pos);
            scan->notes->replaced_surrogate = TRUE;
          }
        else if (v >= 0xDC00 && v <= 0xDFFF)
          {
            replace_escape (text + scan->pos);
            scan->notes->replaced_surrogate = TRUE;
          }
        scan->pos += 6;
      }
    }
  return scan_fail (scan, N_("an unterminated string"));
}

static gboolean
scan_digits (Scan *scan)
{
  gsize start = scan->pos;

  while (scan->pos < scan->len && g_ascii_isdigit (scan->text[scan->pos]))
    scan->pos++;
  return scan->pos > start;
}

static gboolean
scan_number (Scan *scan)
{
  gsize start = scan->pos;

  if (scan->text[scan->pos] == '-')
    scan->pos++;
  if (scan->pos < scan->len && scan->text[scan->pos] == '0')
    scan->pos++;
  else if (!scan_digits (scan))
    return scan_fail (scan, N_("a malformed number"));

  if (scan->pos < scan->len && scan->text[scan->pos] == '.')
    {
      scan->pos++;
      if (!scan_digits (scan))
        return scan_fail (scan, N_("a malformed number"));
    }
  if (scan->pos < scan->len && (scan->text[scan->pos] == 'e' || scan->text[scan->pos] == 'E'))
    {
      scan->pos++;
      if (scan->pos < scan->len && (scan->text[scan->pos] == '+' || scan->text[scan->pos] == '-'))
        scan->pos++;
      if (!scan_digits (scan))
        return scan_fail (scan, N_("a malformed number"));
    }

  check_number (scan->text + start, scan->pos - start, scan->notes);
  return TRUE;
}

static gboolean
scan_word (Scan       *scan,
           const char *word)
{
  gsize len = strlen (word);

  if (scan->pos + len > scan->len || memcmp (scan->text + scan->pos, word, len) != 0)
    return scan_fail (scan, N_("an unexpected character"));
  scan->pos += len;
  return TRUE;
}

static gboolean scan_value (Scan *scan);

static gboolean
scan_container (Scan *scan,
                char  close)
{
  if (++scan->depth > scan->limits->max_depth)
    return FALSE;

  scan->pos++;
  skip_space (scan);
  if (scan->pos < scan->len && scan->text[scan->pos] == close)
    {
      scan->pos++;
      scan->depth--;
      return TRUE;
    }

  for (;;)
    {
      if (close == '}')
        {
          if (scan->pos >= scan->len || scan->text[scan->pos] != '"')
            return scan_fail (scan, N_("an object key that is not a string"));
          if (!scan_string (scan))
            return FALSE;
          skip_space (scan);
          if (scan->pos >= scan->len || scan->text[scan->pos] != ':')
            return scan_fail (scan, N_("a missing colon"));
          scan->pos++;
        }

      if (!scan_value (scan))
        return FALSE;
      skip_space (scan);

      if (scan->pos < scan->len && scan->text[scan->pos] == ',')
        {
          scan->pos++;
          skip_space (scan);
          continue;
        }
      if (scan->pos < scan->len && scan->text[scan->pos] == close)
        {
          scan->pos++;
          scan->depth--;
          return TRUE;
        }
      return scan_fail (scan, close == '}' ? N_("an unclosed object") : N_("an unclosed array"));
    }
}

static gboolean
scan_value (Scan *scan)
{
  skip_space (scan);
  if (scan->pos >= scan->len)
    return scan_fail (scan, N_("a missing value"));

  switch (scan->text[scan->pos])
    {
    case '{':
      return scan_container (scan, '}');
    case '[':
      return scan_container (scan, ']');
    case '"':
      return scan_string (scan);
    case 't':
      return scan_word (scan, "true");
    case 'f':
      return scan_word (scan, "false");
    case 'n':
      return scan_word (scan, "null");
    default:
      if (scan->text[scan->pos] == '-' || g_ascii_isdigit (scan->text[scan->pos]))
        return scan_number (scan);
      return scan_fail (scan, N_("an unexpected character"));
    }
}

static gboolean
prescan (char                  *text,
         gsize                  len,
         const AtlasFeedLimits *limits,
         PrescanNotes          *notes,
         GError               **error)
{
  Scan scan = { text, len, 0, 0, limits, notes, NULL };

  if (scan_value (&scan))
    {
      skip_space (&scan);
      if (scan.pos == len)
        return TRUE;
      scan_fail (&scan, N_("text after the end of the value"));
    }

  if (scan.problem == NULL)
    g_set_error (error, ATLAS_FEED_ERROR, ATLAS_FEED_ERROR_TOO_DEEP,
                 _("nested deeper than %u levels"), limits->max_depth);
  else
    /* TRANSLATORS: the problem, then where it is */
    g_set_error (error, ATLAS_FEED_ERROR, ATLAS_FEED_ERROR_NOT_JSON,
                 _("not JSON (%s at byte %zu)"), _(scan.problem), scan.pos);
  return FALSE;
}

/* ---- typed access ------------------------------------------------------- */

typedef struct
{
  AtlasFeed             *feed;
  const AtlasFeedLimits *limits;
} Reader;

static char *
read_string (Reader     *reader,
             JsonObject *object,
             const char *member,
             const char *where)
{
  JsonNode *node = json_object_get_member (object, member);
  gboolean truncated = FALSE;
  char *value;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      atlas_feed_problem (reader->feed, _("%s: “%s” is not a string; ignored"), where, member);
      return NULL;
    }

  value = atlas_text_clean (json_node_get_string (node), reader->limits->max_string_bytes, &truncated);
  if (truncated)
    atlas_feed_problem (reader->feed, _("%s: “%s” was cut to %zu bytes"),
                        where, member, reader->limits->max_string_bytes);
  return value;
}

static char *
read_stripped_string (Reader     *reader,
                      JsonObject *object,
                      const char *member,
                      const char *where)
{
  char *value = read_string (reader, object, member, where);

  if (value != NULL)
    g_strstrip (value);
  if (value != NULL && *value == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

static gboolean
read_number (Reader     *reader,
             JsonObject *object,
             const char *member,
             const char *where,
             double     *value)
{
  JsonNode *node = json_object_get_member (object, member);
  GType type;
  double v;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return FALSE;

  type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  if (type == G_TYPE_INT64)
    v = (double) json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    v = json_node_get_double (node);
  else
    {
      atlas_feed_problem (reader->feed, _("%s: “%s” is not a number; ignored"), where, member);
      return FALSE;
    }

  if (!isfinite (v))
    {
      atlas_feed_problem (reader->feed, _("%s: “%s” is out of range; ignored"), where, member);
      return FALSE;
    }

  *value = v;
  return TRUE;
}

/* The member when it holds a node of `type`; NULL (noted when present but of
 * another type) otherwise. */
static JsonNode *
read_container (Reader       *reader,
                JsonObject   *object,
                const char   *member,
                const char   *where,
                JsonNodeType  type)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (json_node_get_node_type (node) != type)
    {
      if (type == JSON_NODE_OBJECT)
        atlas_feed_problem (reader->feed, _("%s: “%s” is not an object; ignored"), where, member);
      else
        atlas_feed_problem (reader->feed, _("%s: “%s” is not an array; ignored"), where, member);
      return NULL;
    }
  return node;
}

static JsonObject *
read_object (Reader     *reader,
             JsonObject *object,
             const char *member,
             const char *where)
{
  JsonNode *node = read_container (reader, object, member, where, JSON_NODE_OBJECT);

  return node ? json_node_get_object (node) : NULL;
}

static JsonArray *
read_array (Reader     *reader,
            JsonObject *object,
            const char *member,
            const char *where)
{
  JsonNode *node = read_container (reader, object, member, where, JSON_NODE_ARRAY);

  return node ? json_node_get_array (node) : NULL;
}

static guint
capped_length (Reader     *reader,
               JsonArray  *array,
               guint       limit,
               const char *member,
               const char *where)
{
  guint n = json_array_get_length (array);

  if (n > limit)
    {
      atlas_feed_problem (reader->feed, _("%s: only the first %u of %u entries of “%s” were read"),
                          where, limit, n, member);
      return limit;
    }
  return n;
}

/* Strings of an array; entries of another type are skipped and noted. */
static void
read_string_list (Reader     *reader,
                  JsonObject *object,
                  const char *member,
                  const char *where,
                  GPtrArray  *out)
{
  JsonArray *array = read_array (reader, object, member, where);
  guint n;

  if (array == NULL)
    return;

  n = capped_length (reader, array, reader->limits->max_list_length, member, where);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      char *value;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          atlas_feed_problem (reader->feed, _("%s: entry %u of “%s” is not a string; ignored"),
                              where, i + 1, member);
          continue;
        }
      value = atlas_text_clean (json_node_get_string (node), reader->limits->max_string_bytes, NULL);
      g_strstrip (value);
      if (*value == '\0')
        {
          g_free (value);
          continue;
        }
      g_ptr_array_add (out, value);
    }
}

static gboolean
is_reference (const char *id)
{
  return atlas_entity_id_is_valid (id) || atlas_country_code_is_valid (id);
}

/* Entity references must at least look like ids; whether they name a known
 * entity is for the importer to check against the store. */
static void
read_reference_list (Reader     *reader,
                     JsonObject *object,
                     const char *member,
                     const char *where,
                     GPtrArray  *out)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);

  read_string_list (reader, object, member, where, values);
  for (guint i = 0; i < values->len; i++)
    {
      const char *id = g_ptr_array_index (values, i);

      if (!is_reference (id))
        {
          atlas_feed_problem (reader->feed, _("%s: “%s” is not an entity id or country code; ignored"),
                              where, id);
          continue;
        }
      if (!g_ptr_array_find_with_equal_func (out, id, g_str_equal, NULL))
        g_ptr_array_add (out, g_strdup (id));
    }
}

/* The kinds feeds may write are those of atlas-kinds.c; any other is read
 * as the table's catch-all ("other", "related_to"). */
typedef const char *(*KindId) (const char *value);

static const char *
entity_kind_id (const char *value)
{
  return atlas_entity_kind_lookup (value)->id;
}

static const char *
event_kind_id (const char *value)
{
  return atlas_event_kind_lookup (value)->id;
}

static const char *
predicate_id (const char *value)
{
  return atlas_predicate_lookup (value)->id;
}

static char *
read_choice (Reader     *reader,
             JsonObject *object,
             const char *member,
             const char *where,
             KindId      kind_id)
{
  g_autofree char *value = read_stripped_string (reader, object, member, where);

  return value != NULL ? g_strdup (kind_id (value)) : NULL;
}

static gboolean
read_partial_date_member (Reader           *reader,
                          JsonObject       *object,
                          const char       *member,
                          const char       *where,
                          AtlasPartialDate *date)
{
  g_autofree char *text = read_stripped_string (reader, object, member, where);

  if (text == NULL)
    return FALSE;
  if (!atlas_partial_date_parse (text, date))
    {
      atlas_feed_problem (reader->feed, _("%s: “%s” is not a date (YYYY, YYYY-MM or YYYY-MM-DD); ignored"),
                          where, text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_partial_date (Reader           *reader,
                   JsonObject       *object,
                   const char       *where,
                   AtlasPartialDate *date)
{
  return read_partial_date_member (reader, object, "date", where, date);
}

static void
read_amount (Reader      *reader,
             JsonObject  *object,
             const char  *where,
             AtlasAmount *amount)
{
  JsonObject *node = read_object (reader, object, "amount", where);
  g_autofree char *currency = NULL;
  double value;

  if (node == NULL)
    return;

  if (!read_number (reader, node, "value", where, &value))
    return;
  currency = read_stripped_string (reader, node, "currency", where);
  if (currency == NULL || strlen (currency) != 3 ||
      !g_ascii_isupper (currency[0]) || !g_ascii_isupper (currency[1]) || !g_ascii_isupper (currency[2]))
    {
      atlas_feed_problem (reader->feed, _("%s: the amount has no ISO 4217 currency; ignored"), where);
      return;
    }

  amount->set = TRUE;
  amount->value = value;
  amount->currency = g_steal_pointer (&currency);
}

static void
read_quantity (Reader        *reader,
               JsonObject    *object,
               const char    *where,
               AtlasQuantity *quantity)
{
  JsonObject *node = read_object (reader, object, "quantity", where);
  g_autofree char *unit = NULL;
  g_autofree char *product = NULL;
  double value;

  if (node == NULL)
    return;

  if (!read_number (reader, node, "value", where, &value))
    return;
  unit = read_stripped_string (reader, node, "unit", where);
  if (unit == NULL)
    {
      atlas_feed_problem (reader->feed, _("%s: the quantity has no unit; ignored"), where);
      return;
    }
  product = read_stripped_string (reader, node, "product", where);
  if (product != NULL && !atlas_entity_id_is_valid (product))
    {
      atlas_feed_problem (reader->feed, _("%s: “%s” is not an entity id or country code; ignored"),
                          where, product);
      g_clear_pointer (&product, g_free);
    }

  quantity->set = TRUE;
  quantity->value = value;
  quantity->unit = g_steal_pointer (&unit);
  quantity->product = g_steal_pointer (&product);
}

static AtlasEntityDecl *
read_entity (Reader     *reader,
             JsonObject *object,
             const char *where)
{
  g_autofree char *id = read_stripped_string (reader, object, "id", where);
  AtlasEntityDecl *entity;
  double lat, lon;

  if (id == NULL || !atlas_entity_id_is_valid (id))
    {
      atlas_feed_problem (reader->feed, _("%s: no valid “id” (lower-case letters, digits and “-”); skipped"), where);
      return NULL;
    }

  entity = atlas_entity_decl_new ();
  entity->id = g_steal_pointer (&id);
  entity->kind = read_choice (reader, object, "kind", where, entity_kind_id);
  if (entity->kind == NULL)
    entity->kind = g_strdup ("other");
  entity->name = read_stripped_string (reader, object, "name", where);
  if (entity->name == NULL)
    entity->name = g_strdup (entity->id);
  entity->country = read_stripped_string (reader, object, "country", where);
  if (entity->country != NULL && !atlas_country_code_is_valid (entity->country))
    {
      atlas_feed_problem (reader->feed, _("%s: “%s” is not an ISO 3166-1 country code; ignored"),
                          where, entity->country);
      g_clear_pointer (&entity->country, g_free);
    }
  entity->place = read_stripped_string (reader, object, "place", where);
  entity->url = read_stripped_string (reader, object, "url", where);

  if (read_number (reader, object, "lat", where, &lat) &&
      read_number (reader, object, "lon", where, &lon))
    {
      if (lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)
        {
          entity->has_position = TRUE;
          entity->lat = lat;
          entity->lon = lon;
        }
      else
        atlas_feed_problem (reader->feed, _("%s: the position is outside the globe; ignored"), where);
    }

  read_string_list (reader, object, "aliases", where, entity->aliases);
  return entity;
}

static AtlasRelationDecl *
read_relation (Reader     *reader,
               JsonObject *object,
               const char *where)
{
  g_autofree char *subject = read_stripped_string (reader, object, "subject", where);
  g_autofree char *relation_object = read_stripped_string (reader, object, "object", where);
  AtlasRelationDecl *relation;

  if (subject == NULL || relation_object == NULL ||
      !is_reference (subject) || !is_reference (relation_object))
    {
      atlas_feed_problem (reader->feed, _("%s: a relation needs a valid “subject” and “object”; skipped"), where);
      return NULL;
    }
  /* A tie of a node to itself says nothing, and would be a loop in the
   * graph. */
  if (g_str_equal (subject, relation_object))
    {
      atlas_feed_problem (reader->feed, _("%s: a relation of “%s” to itself; skipped"), where, subject);
      return NULL;
    }

  relation = atlas_relation_decl_new ();
  relation->subject = g_steal_pointer (&subject);
  relation->object = g_steal_pointer (&relation_object);
  relation->predicate = read_choice (reader, object, "predicate", where, predicate_id);
  if (relation->predicate == NULL)
    relation->predicate = g_strdup ("related_to");
  read_partial_date (reader, object, where, &relation->date);
  read_amount (reader, object, where, &relation->amount);
  read_quantity (reader, object, where, &relation->quantity);
  relation->note = read_stripped_string (reader, object, "note", where);
  return relation;
}

static AtlasEventDecl *
read_event (Reader     *reader,
            JsonObject *object,
            const char *where)
{
  AtlasEventDecl *event;
  AtlasPartialDate date;

  if (!read_partial_date (reader, object, where, &date))
    {
      atlas_feed_problem (reader->feed, _("%s: an event needs a “date”; skipped"), where);
      return NULL;
    }

  event = atlas_event_decl_new ();
  event->date = date;
  event->kind = read_choice (reader, object, "kind", where, event_kind_id);
  if (event->kind == NULL)
    event->kind = g_strdup ("other");
  event->title = read_stripped_string (reader, object, "title", where);
  read_reference_list (reader, object, "entities", where, event->entities);
  read_amount (reader, object, where, &event->amount);
  read_quantity (reader, object, where, &event->quantity);
  return event;
}

typedef gpointer (*PieceReader) (Reader     *reader,
                                 JsonObject *object,
                                 const char *where);

/* Reads an array of objects with `read_piece`; what is not an object, or what
 * the piece reader refuses, is skipped. */
static void
read_pieces (Reader      *reader,
             JsonObject  *object,
             const char  *member,
             const char  *where,
             const char  *piece_label,
             guint        limit,
             PieceReader  read_piece,
             GPtrArray   *out)
{
  JsonArray *array = read_array (reader, object, member, where);
  guint n;

  if (array == NULL)
    return;

  n = capped_length (reader, array, limit, member, where);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *piece_where = g_strdup_printf ("%s, %s %u", where, piece_label, i + 1);
      gpointer piece;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          atlas_feed_problem (reader->feed, _("%s: not an object; skipped"), piece_where);
          continue;
        }
      piece = read_piece (reader, json_node_get_object (node), piece_where);
      if (piece != NULL)
        g_ptr_array_add (out, piece);
    }
}

static char *
read_item_id (JsonObject *object)
{
  JsonNode *node = json_object_get_member (object, "id");

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  /* JSON Feed 1.0 feeds in the wild use numbers; the spec says to treat them
   * as their string form. */
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    {
      char *id = atlas_text_clean (json_node_get_string (node), 2048, NULL);

      g_strstrip (id);
      if (*id != '\0')
        return id;
      g_free (id);
    }
  return NULL;
}

/* JSON Feed 1.1's "authors", or 1.0's single "author": the names. */
static void
read_authors (Reader     *reader,
              JsonObject *object,
              const char *where,
              GPtrArray  *authors)
{
  JsonArray *list = read_array (reader, object, "authors", where);
  JsonObject *single = list == NULL ? read_object (reader, object, "author", where) : NULL;
  guint n = list ? capped_length (reader, list, reader->limits->max_list_length, "authors", where) : 0;

  for (guint i = 0; i < n + (single != NULL); i++)
    {
      JsonNode *node = list ? json_array_get_element (list, i) : NULL;
      JsonObject *author = list ? (JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL) : single;
      char *name = author ? read_stripped_string (reader, author, "name", where) : NULL;

      if (name != NULL)
        g_ptr_array_add (authors, name);
    }
}

static AtlasItem *
read_item (Reader     *reader,
           JsonObject *object,
           const char *where)
{
  g_autofree char *id = read_item_id (object);
  g_autofree char *html = NULL;
  g_autofree char *published = NULL;
  g_autofree char *modified = NULL;
  JsonObject *atlas;
  AtlasItem *item;

  if (id == NULL)
    {
      atlas_feed_problem (reader->feed, _("%s: no “id”; skipped"), where);
      return NULL;
    }

  item = atlas_item_new ();
  item->id = g_steal_pointer (&id);
  item->url = read_stripped_string (reader, object, "url", where);
  item->title = read_stripped_string (reader, object, "title", where);
  item->summary = read_stripped_string (reader, object, "summary", where);
  item->text = read_stripped_string (reader, object, "content_text", where);
  html = read_string (reader, object, "content_html", where);
  if (item->text == NULL && html != NULL)
    item->text = atlas_html_to_text (html, -1);
  item->language = read_stripped_string (reader, object, "language", where);

  published = read_stripped_string (reader, object, "date_published", where);
  if (published != NULL)
    {
      item->has_published = atlas_timestamp_parse (published, &item->published);
      item->published_precision = ATLAS_DATE_PRECISION_DAY;
      if (!item->has_published)
        atlas_feed_problem (reader->feed, _("%s: “%s” is not an RFC 3339 date; ignored"), where, published);
    }

  modified = read_stripped_string (reader, object, "date_modified", where);
  if (modified != NULL)
    item->has_updated = atlas_timestamp_parse (modified, &item->updated);

  read_authors (reader, object, where, item->authors);
  read_string_list (reader, object, "tags", where, item->tags);

  atlas = read_object (reader, object, "_atlas", where);
  if (atlas != NULL)
    {
      AtlasPartialDate date;

      /* An extension of ours: a publication known only to the month or year
       * (a source that gives no day) is kept at that precision. */
      if (!item->has_published && read_partial_date_member (reader, atlas, "published", where, &date))
        {
          item->has_published = TRUE;
          item->published = atlas_partial_date_start (&date);
          item->published_precision = date.precision;
        }

      item->has_mentions = json_object_has_member (atlas, "mentions");
      read_reference_list (reader, atlas, "mentions", where, item->mentions);
      read_pieces (reader, atlas, "events", where, _("event"), reader->limits->max_list_length,
                   (PieceReader) read_event, item->events);
      read_pieces (reader, atlas, "relations", where, _("relation"), reader->limits->max_list_length,
                   (PieceReader) read_relation, item->relations);
    }

  return item;
}

/* The version is compared, never stored, so it is read without the string
 * limit that could cut a valid URL short. */
static char *
read_version (JsonObject *root)
{
  JsonNode *node = json_object_get_member (root, "version");

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return atlas_text_clean (json_node_get_string (node), 200, NULL);
}

typedef enum
{
  VERSION_UNKNOWN,
  VERSION_EXACT,
  VERSION_LENIENT,
} VersionMatch;

/* The spec's URLs, and what feeds in the wild write instead: "1.1", "1",
 * "www.", "http:", a trailing slash. The last ones are read with a warning;
 * anything else is not a JSON Feed. */
static VersionMatch
match_version (const char *version)
{
  static const char *const numbers[] = { "1", "1.0", "1.1", NULL };
  g_autofree char *trimmed = NULL;
  const char *rest;
  gsize len;

  if (version == NULL)
    return VERSION_UNKNOWN;
  trimmed = g_strstrip (g_ascii_strdown (version, -1));
  if (g_strv_contains (numbers, trimmed))
    return VERSION_LENIENT;

  if (g_str_has_prefix (trimmed, "https://"))
    rest = trimmed + strlen ("https://");
  else if (g_str_has_prefix (trimmed, "http://"))
    rest = trimmed + strlen ("http://");
  else
    return VERSION_UNKNOWN;
  if (g_str_has_prefix (rest, "www."))
    rest += strlen ("www.");
  if (!g_str_has_prefix (rest, "jsonfeed.org/version/"))
    return VERSION_UNKNOWN;
  rest += strlen ("jsonfeed.org/version/");
  len = strlen (rest);
  if (len > 0 && rest[len - 1] == '/')
    len--;
  if (!((len == 1 && strncmp (rest, "1", 1) == 0) || (len == 3 && strncmp (rest, "1.1", 3) == 0) ||
        (len == 3 && strncmp (rest, "1.0", 3) == 0)))
    return VERSION_UNKNOWN;
  /* The forms the spec names, which this reader always took without a word. */
  if (!g_str_has_prefix (trimmed, "https://www.") && !g_str_has_prefix (trimmed, "http://www.") &&
      !(len == 3 && strncmp (rest, "1.0", 3) == 0))
    return VERSION_EXACT;
  return VERSION_LENIENT;
}

/* `context` holds what else shapes the stored result, such as the feed's
 * default language for its items. */
static char *
fingerprint (JsonNode   *node,
             const char *context)
{
  g_autofree char *text = json_to_string (node, FALSE);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  g_checksum_update (checksum, (const guchar *) text, -1);
  g_checksum_update (checksum, (const guchar *) "\x1f", 1);
  g_checksum_update (checksum, (const guchar *) (context ? context : ""), -1);
  return g_strdup (g_checksum_get_string (checksum));
}

static void
read_feed_extension (Reader     *reader,
                     JsonObject *root)
{
  const char *where = _("feed");
  JsonObject *atlas = read_object (reader, root, "_atlas", where);
  double version;

  if (atlas == NULL)
    return;

  if (read_number (reader, atlas, "version", where, &version) && version > 1)
    atlas_feed_problem (reader->feed, _("feed: written for a newer “_atlas” version (%g); unknown parts ignored"),
                        version);

  read_pieces (reader, atlas, "entities", where, _("entity"), reader->limits->max_entities,
               (PieceReader) read_entity, reader->feed->entities);
  read_pieces (reader, atlas, "relations", where, _("relation"), reader->limits->max_entities,
               (PieceReader) read_relation, reader->feed->relations);
  if (json_object_has_member (atlas, "relations"))
    reader->feed->relations_fingerprint = fingerprint (json_object_get_member (atlas, "relations"), NULL);
}

/* `limits` and `source_name` are set, and the body is within the size limit
 * and not empty: atlas_feed_read() has checked. */
AtlasFeed *
atlas_json_feed_read (const char            *data,
                      gsize                  length,
                      const char            *source_name,
                      const AtlasFeedLimits *limits,
                      GError               **error)
{
  g_autoptr(AtlasFeed) feed = atlas_feed_new ();
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  PrescanNotes notes = { 0 };
  JsonNode *root_node;
  JsonObject *root;
  JsonArray *items;
  Reader reader;
  VersionMatch version_match;
  guint n_items;

  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, ATLAS_FEED_ERROR, ATLAS_FEED_ERROR_NOT_JSON,
                   _("%s: refused, not JSON (it contains NUL bytes)"), source_name);
      return NULL;
    }

  if (g_utf8_validate_len (data, length, NULL))
    text = g_strndup (data, length);
  else
    {
      text = g_utf8_make_valid (data, length);
      atlas_feed_problem (feed, _("feed: invalid UTF-8 was replaced by “�”"));
    }

  if (!prescan (text, strlen (text), limits, &notes, &local_error))
    {
      g_set_error (error, ATLAS_FEED_ERROR, local_error->code,
                   _("%s: refused, %s"), source_name, local_error->message);
      return NULL;
    }
  if (notes.replaced_nul || notes.replaced_surrogate)
    atlas_feed_problem (feed, _("feed: NUL characters or broken surrogate pairs were replaced by “�”"));
  if (notes.replaced_number)
    atlas_feed_problem (feed, _("feed: numbers too large to read were ignored"));

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, text, -1, &local_error))
    {
      g_set_error (error, ATLAS_FEED_ERROR, ATLAS_FEED_ERROR_NOT_JSON,
                   _("%s: refused, not JSON (%s)"), source_name, local_error->message);
      return NULL;
    }

  root_node = json_parser_get_root (parser);
  if (root_node == NULL)
    {
      g_set_error (error, ATLAS_FEED_ERROR, ATLAS_FEED_ERROR_NOT_JSON,
                   _("%s: refused, the file holds no JSON value"), source_name);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    {
      g_set_error (error, ATLAS_FEED_ERROR, ATLAS_FEED_ERROR_NOT_A_FEED,
                   _("%s: refused, not a JSON Feed (the top level is not an object)"), source_name);
      return NULL;
    }
  root = json_node_get_object (root_node);

  reader.feed = feed;
  reader.limits = limits;

  feed->version = read_version (root);
  version_match = match_version (feed->version);
  if (version_match == VERSION_UNKNOWN)
    {
      g_set_error (error, ATLAS_FEED_ERROR, ATLAS_FEED_ERROR_UNKNOWN_VERSION,
                   _("%s: refused, not a JSON Feed 1.0 or 1.1 (version “%s”)"),
                   source_name, feed->version ? feed->version : _("missing"));
      return NULL;
    }

  if (version_match == VERSION_LENIENT)
    atlas_feed_problem (feed, _("feed: “version” should be “https://jsonfeed.org/version/1.1”, not “%s”; read as JSON Feed"),
                        feed->version);

  if (!json_object_has_member (root, "items") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "items")))
    {
      g_set_error (error, ATLAS_FEED_ERROR, ATLAS_FEED_ERROR_NOT_A_FEED,
                   _("%s: refused, not a JSON Feed (no “items” array)"), source_name);
      return NULL;
    }

  feed->title = read_stripped_string (&reader, root, "title", _("feed"));
  feed->home_page_url = read_stripped_string (&reader, root, "home_page_url", _("feed"));
  feed->feed_url = read_stripped_string (&reader, root, "feed_url", _("feed"));
  feed->language = read_stripped_string (&reader, root, "language", _("feed"));
  feed->next_url = read_stripped_string (&reader, root, "next_url", _("feed"));

  read_feed_extension (&reader, root);

  items = json_object_get_array_member (root, "items");
  n_items = capped_length (&reader, items, limits->max_items, "items", _("feed"));
  feed->items_skipped = json_array_get_length (items) - n_items;

  for (guint i = 0; i < n_items; i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      g_autofree char *where = g_strdup_printf (_("item %u"), i + 1);
      AtlasItem *item;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          atlas_feed_problem (feed, _("%s: not an object; skipped"), where);
          feed->items_skipped++;
          continue;
        }

      item = read_item (&reader, json_node_get_object (node), where);
      if (item == NULL)
        {
          feed->items_skipped++;
          continue;
        }
      if (item->language == NULL && feed->language != NULL)
        item->language = g_strdup (feed->language);
      item->fingerprint = fingerprint (node, feed->language);
      g_ptr_array_add (feed->items, item);
    }

  return g_steal_pointer (&feed);
}
