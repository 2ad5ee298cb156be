/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Questions files: export the questions to JSON, and import a colleague's by merging them. */

#define G_LOG_DOMAIN "tenure-qualify"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "tenure-file.h"
#include "tenure-qualify-private.h"

/* The file format: {"format": "tenure-questions", "version": 1, "questions": [{"text",
 * "kind", "active", "options": [{"text", "points"}]}]}. */
#define FORMAT_NAME "tenure-questions"
#define FORMAT_VERSION 1

/**
 * tenure_qualify_export:
 *
 * Writes every question (active or not), by position, with its options and points.
 * Answers are not exported: they belong to the workspace's accounts.
 */
gboolean
tenure_qualify_export (TenureDb    *db,
                       const char  *path,
                       GError     **error)
{
  g_autoptr(GPtrArray) questions = tenure_qualify_list_questions (db, error);
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (questions == NULL)
    return FALSE;

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, FORMAT_NAME);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, FORMAT_VERSION);
  json_builder_set_member_name (builder, "questions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < questions->len; i++)
    {
      TenureQuestion *question = g_ptr_array_index (questions, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, question->text);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, tenure_question_kind_to_string (question->kind));
      json_builder_set_member_name (builder, "active");
      json_builder_add_boolean_value (builder, question->active);
      json_builder_set_member_name (builder, "options");
      json_builder_begin_array (builder);
      for (guint k = 0; k < question->options->len; k++)
        {
          TenureOption *option = g_ptr_array_index (question->options, k);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "text");
          json_builder_add_string_value (builder, option->text);
          json_builder_set_member_name (builder, "points");
          json_builder_add_int_value (builder, option->points);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  contents = json_generator_to_data (generator, &length);
  contents = g_realloc (contents, length + 2);
  contents[length++] = '\n';
  contents[length] = '\0';

  return tenure_file_set_contents (path, contents, length, error);
}

/* Reading: JsonParser tells where it is only while it parses, so the position of every
 * member and array element is recorded then, for messages that say where to look. */

typedef struct
{
  char       *display;    /* the file name for messages */
  GHashTable *positions;  /* "%p:member" or "%p#index" → "line:column" */
} Reader;

static void
record_position (Reader     *reader,
                 JsonParser *parser,
                 char       *key)
{
  g_hash_table_insert (reader->positions, key,
                       g_strdup_printf ("%u:%u", json_parser_get_current_line (parser),
                                        json_parser_get_current_pos (parser)));
}

static void
object_member_cb (JsonParser *parser,
                  JsonObject *object,
                  const char *member_name,
                  Reader     *reader)
{
  record_position (reader, parser, g_strdup_printf ("%p:%s", (void *) object, member_name));
}

static void
array_element_cb (JsonParser *parser,
                  JsonArray  *array,
                  guint       index_,
                  Reader     *reader)
{
  record_position (reader, parser, g_strdup_printf ("%p#%u", (void *) array, index_));
}

static char *
member_key (JsonObject *object,
            const char *member)
{
  return g_strdup_printf ("%p:%s", (void *) object, member);
}

static char *
element_key (JsonArray *array,
             guint      index_)
{
  return g_strdup_printf ("%p#%u", (void *) array, index_);
}

/* Sets a FILE:LINE:COLUMN error at the place recorded under @key (and frees @key). */
static gboolean G_GNUC_PRINTF (4, 5)
reader_error (Reader      *reader,
              GError     **error,
              char        *key,
              const char  *format,
              ...)
{
  g_autofree char *owned_key = key;
  g_autofree char *message = NULL;
  const char *where = g_hash_table_lookup (reader->positions, key);
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, TENURE_QUALIFY_ERROR, TENURE_QUALIFY_ERROR_FILE,
               "%s:%s: %s", reader->display, where != NULL ? where : "1:1", message);
  return FALSE;
}

typedef struct
{
  char               *text;
  int                 points;
} FileOption;

typedef struct
{
  char               *text;
  TenureQuestionKind  kind;
  gboolean            active;
  GArray             *options;   /* FileOption */
} FileQuestion;

static void
file_option_clear (FileOption *option)
{
  g_free (option->text);
}

static void
file_question_clear (FileQuestion *question)
{
  g_free (question->text);
  g_clear_pointer (&question->options, g_array_unref);
}

/* A non-empty text member. */
static char *
read_text (Reader          *reader,
           JsonObject      *object,
           char            *element,
           QualifyRowKind   what,
           GError         **error)
{
  JsonNode *node = json_object_get_member (object, "text");
  g_autoptr(GError) local_error = NULL;
  char *text;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      /* Point at the object itself when the member is missing. */
      reader_error (reader, error, node != NULL ? member_key (object, "text") : element,
                    what == QUALIFY_ROW_QUESTION ? _("each question needs a “text” string")
                                                 : _("each answer needs a “text” string"));
      if (node != NULL)
        g_free (element);
      return NULL;
    }
  g_free (element);
  text = qualify_normalize_text (json_node_get_string (node), what, &local_error);
  if (text == NULL)
    reader_error (reader, error, member_key (object, "text"), "%s", local_error->message);

  return text;
}

static gboolean
read_option (Reader      *reader,
             JsonArray   *options,
             guint        index_,
             FileOption  *option,
             GError     **error)
{
  JsonNode *element = json_array_get_element (options, index_);
  JsonObject *object;
  JsonNode *points;
  gint64 value;

  if (!JSON_NODE_HOLDS_OBJECT (element))
    return reader_error (reader, error, element_key (options, index_),
                         _("each answer must be an object with “text” and “points”"));
  object = json_node_get_object (element);

  option->text = read_text (reader, object, element_key (options, index_), QUALIFY_ROW_OPTION, error);
  if (option->text == NULL)
    return FALSE;

  points = json_object_get_member (object, "points");
  if (points == NULL)
    return reader_error (reader, error, member_key (object, "text"),
                         _("the answer “%s” needs “points”"), option->text);
  if (json_node_get_value_type (points) != G_TYPE_INT64)
    return reader_error (reader, error, member_key (object, "points"),
                         _("the points of “%s” must be a whole number"), option->text);
  value = json_node_get_int (points);
  if (value < TENURE_QUALIFY_POINTS_MIN || value > TENURE_QUALIFY_POINTS_MAX)
    return reader_error (reader, error, member_key (object, "points"),
                         _("the points of “%s” must be between %d and %d"), option->text,
                         TENURE_QUALIFY_POINTS_MIN, TENURE_QUALIFY_POINTS_MAX);
  option->points = (int) value;

  return TRUE;
}

static gboolean
read_question (Reader        *reader,
               JsonArray     *questions,
               guint          index_,
               FileQuestion  *question,
               GError       **error)
{
  JsonNode *element = json_array_get_element (questions, index_);
  JsonObject *object;
  JsonNode *node;
  JsonArray *options;
  g_autoptr(GHashTable) keys = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (element))
    return reader_error (reader, error, element_key (questions, index_),
                         _("each question must be an object with “text” and “options”"));
  object = json_node_get_object (element);

  question->text = read_text (reader, object, element_key (questions, index_), QUALIFY_ROW_QUESTION,
                              error);
  if (question->text == NULL)
    return FALSE;

  question->kind = TENURE_QUESTION_SINGLE;
  node = json_object_get_member (object, "kind");
  if (node != NULL &&
      (json_node_get_value_type (node) != G_TYPE_STRING ||
       !tenure_question_kind_from_string (json_node_get_string (node), &question->kind)))
    return reader_error (reader, error, member_key (object, "kind"),
                         _("the kind of “%s” must be “single” or “multiple”"), question->text);

  question->active = TRUE;
  node = json_object_get_member (object, "active");
  if (node != NULL)
    {
      if (json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        return reader_error (reader, error, member_key (object, "active"),
                             _("“active” of “%s” must be true or false"), question->text);
      question->active = json_node_get_boolean (node);
    }

  node = json_object_get_member (object, "options");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return reader_error (reader, error, member_key (object, node != NULL ? "options" : "text"),
                         _("the question “%s” needs an “options” list"), question->text);
  options = json_node_get_array (node);

  question->options = g_array_new (FALSE, TRUE, sizeof (FileOption));
  g_array_set_clear_func (question->options, (GDestroyNotify) file_option_clear);
  keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < json_array_get_length (options); i++)
    {
      FileOption option = { 0 };
      char *key;

      if (!read_option (reader, options, i, &option, error))
        {
          file_option_clear (&option);
          return FALSE;
        }
      key = qualify_text_key (option.text);
      if (!g_hash_table_add (keys, key))
        {
          reader_error (reader, error, member_key (json_array_get_object_element (options, i), "text"),
                        _("the question “%s” has the answer “%s” twice"), question->text,
                        option.text);
          file_option_clear (&option);
          return FALSE;
        }
      g_array_append_val (question->options, option);
    }

  if (question->active && question->options->len < 2)
    return reader_error (reader, error, member_key (object, "options"),
                         _("the question “%s” is asked but has fewer than two answers"),
                         question->text);

  return TRUE;
}

/* Reads and checks the whole file: FileQuestion array, or NULL with FILE:LINE:COLUMN. */
static GArray *
read_questions_file (const char  *path,
                     GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GArray) questions = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *contents = NULL;
  gsize length = 0;
  Reader reader = { display, positions };
  JsonNode *root;
  JsonObject *object;
  JsonNode *node;
  JsonArray *array;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, TENURE_QUALIFY_ERROR, TENURE_QUALIFY_ERROR_FILE, "%s",
                   local_error->message);
      return NULL;
    }
  if (!g_utf8_validate (contents, length, NULL))
    {
      g_set_error (error, TENURE_QUALIFY_ERROR, TENURE_QUALIFY_ERROR_FILE,
                   _("%s:1:1: the file is not UTF-8 text: save it as UTF-8 JSON"), display);
      return NULL;
    }

  g_signal_connect (parser, "object-member", G_CALLBACK (object_member_cb), &reader);
  g_signal_connect (parser, "array-element", G_CALLBACK (array_element_cb), &reader);
  if (!json_parser_load_from_data (parser, contents, length, &local_error))
    {
      /* json-glib says "<data>:LINE:COLUMN: Parse error: …"; put the file name first. */
      const char *message = local_error->message;

      if (g_str_has_prefix (message, "<data>:"))
        message += strlen ("<data>:");
      g_set_error (error, TENURE_QUALIFY_ERROR, TENURE_QUALIFY_ERROR_FILE,
                   "%s:%s", display, message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, TENURE_QUALIFY_ERROR, TENURE_QUALIFY_ERROR_FILE,
                   _("%s:1:1: this is not a questions file (expected an object with "
                     "“questions”)"), display);
      return NULL;
    }
  object = json_node_get_object (root);

  node = json_object_get_member (object, "format");
  if (node != NULL && g_strcmp0 (json_node_get_string (node), FORMAT_NAME) != 0)
    {
      reader_error (&reader, error, member_key (object, "format"),
                    _("this is not a questions file (format “%s”)"),
                    json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node)
                                                                      : "?");
      return NULL;
    }
  node = json_object_get_member (object, "version");
  if (node != NULL &&
      (json_node_get_value_type (node) != G_TYPE_INT64 || json_node_get_int (node) > FORMAT_VERSION))
    {
      reader_error (&reader, error, member_key (object, "version"),
                    _("this questions file comes from a newer version of Tenure: update "
                      "Tenure to import it"));
      return NULL;
    }

  node = json_object_get_member (object, "questions");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, TENURE_QUALIFY_ERROR, TENURE_QUALIFY_ERROR_FILE,
                   _("%s:1:1: this is not a questions file (expected an object with "
                     "“questions”)"), display);
      return NULL;
    }
  array = json_node_get_array (node);

  questions = g_array_new (FALSE, TRUE, sizeof (FileQuestion));
  g_array_set_clear_func (questions, (GDestroyNotify) file_question_clear);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      FileQuestion question = { 0 };

      if (!read_question (&reader, array, i, &question, error))
        {
          file_question_clear (&question);
          return NULL;
        }
      if (!g_hash_table_add (keys, qualify_text_key (question.text)))
        {
          reader_error (&reader, error, member_key (json_array_get_object_element (array, i), "text"),
                        _("the question “%s” is in the file twice"), question.text);
          file_question_clear (&question);
          return NULL;
        }
      g_array_append_val (questions, question);
    }

  return g_steal_pointer (&questions);
}

static QualifyRow *
new_option_row (gint64            id,
                gint64            question_id,
                int               position,
                const FileOption *option)
{
  QualifyRow *row = g_new0 (QualifyRow, 1);

  row->kind = QUALIFY_ROW_OPTION;
  row->id = id;
  row->question_id = question_id;
  row->position = position;
  row->text = g_strdup (option->text);
  row->points = option->points;
  return row;
}

/* The first of @rows with each text key: key → QualifyRow (the rows stay @rows'). */
static GHashTable *
index_rows (GPtrArray *rows)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      QualifyRow *row = g_ptr_array_index (rows, i);
      char *key = qualify_text_key (row->text);

      if (g_hash_table_contains (index, key))
        g_free (key);
      else
        g_hash_table_insert (index, key, row);
    }

  return index;
}

/* The row of @index whose text is the same as @text, or NULL. */
static QualifyRow *
find_in_index (GHashTable *index,
               const char *text)
{
  g_autofree char *key = qualify_text_key (text);

  return g_hash_table_lookup (index, key);
}

/* Merges one file question into a workspace question it matched by text. */
static gboolean
merge_question (TenureDb            *db,
                QualifyEdit         *edit,
                const QualifyRow    *existing,
                const FileQuestion  *question,
                gint64              *next_option_id,
                guint               *options_changed,
                GError             **error)
{
  g_autoptr(GPtrArray) options = qualify_read_options (db, existing->id, error);
  g_autoptr(GHashTable) index = NULL;
  int position;

  if (options == NULL)
    return FALSE;

  index = index_rows (options);
  position = qualify_next_position (options);
  for (guint k = 0; k < question->options->len; k++)
    {
      const FileOption *option = &g_array_index (question->options, FileOption, k);
      QualifyRow *match = find_in_index (index, option->text);

      if (match == NULL)
        {
          qualify_edit_add (edit, NULL,
                            new_option_row ((*next_option_id)++, existing->id, position++, option));
          (*options_changed)++;
        }
      else if (match->points != option->points)
        {
          QualifyRow *after = qualify_row_copy (match);

          after->points = option->points;
          qualify_edit_add (edit, qualify_row_copy (match), after);
          (*options_changed)++;
        }
    }

  return TRUE;
}

/**
 * tenure_question_editor_import:
 * @questions_added: (out) (optional): questions the workspace did not have
 * @options_changed: (out) (optional): answers added to known questions, or whose points changed
 *
 * Imports a questions file as one edit (one undo reverts it). The whole file is checked
 * first; an invalid file changes nothing and the error says FILE:LINE:COLUMN.
 *
 * The file is merged, so that importing a colleague's questions never loses answers:
 * questions are matched by their text (ignoring case and surrounding spaces). A question
 * the workspace does not have is added at the end, with its options, active or not as in
 * the file. A question it already has keeps its place, kind, active state and answers;
 * the file's options it lacks are added, and its options with the same text take the
 * file's points. Nothing is deleted.
 */
gboolean
tenure_question_editor_import (TenureQuestionEditor  *self,
                               const char            *path,
                               guint                 *questions_added,
                               guint                 *options_changed,
                               GError               **error)
{
  TenureDb *db = tenure_question_editor_get_db (self);
  g_autoptr(GArray) file = NULL;
  g_autoptr(GPtrArray) existing = NULL;
  g_autoptr(GHashTable) index = NULL;
  g_autoptr(QualifyEdit) edit = qualify_edit_new (_("Import questions"));
  guint added = 0;
  guint changed = 0;
  gint64 next_question_id;
  gint64 next_option_id;
  int position;

  file = read_questions_file (path, error);
  if (file == NULL || !tenure_db_begin (db, error))
    return FALSE;

  existing = qualify_read_questions (db, error);
  if (existing == NULL || !qualify_next_id (db, "question", &next_question_id, error) ||
      !qualify_next_id (db, "option", &next_option_id, error))
    {
      tenure_db_rollback (db);
      return FALSE;
    }
  position = qualify_next_position (existing);
  index = index_rows (existing);

  for (guint i = 0; i < file->len; i++)
    {
      const FileQuestion *question = &g_array_index (file, FileQuestion, i);
      QualifyRow *match = find_in_index (index, question->text);

      if (match != NULL)
        {
          if (!merge_question (db, edit, match, question, &next_option_id, &changed, error))
            {
              tenure_db_rollback (db);
              return FALSE;
            }
        }
      else
        {
          QualifyRow *row = g_new0 (QualifyRow, 1);

          row->kind = QUALIFY_ROW_QUESTION;
          row->id = next_question_id++;
          row->position = position++;
          row->text = g_strdup (question->text);
          row->question_kind = question->kind;
          row->active = question->active;
          qualify_edit_add (edit, NULL, row);
          for (guint k = 0; k < question->options->len; k++)
            qualify_edit_add (edit, NULL,
                              new_option_row (next_option_id++, row->id, (int) k,
                                              &g_array_index (question->options, FileOption, k)));
          added++;
        }
    }

  if (questions_added != NULL)
    *questions_added = added;
  if (options_changed != NULL)
    *options_changed = changed;

  return qualify_editor_finish_edit (self, g_steal_pointer (&edit), error);
}
