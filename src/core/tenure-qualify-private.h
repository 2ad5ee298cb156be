/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the parts of qualify share: row snapshots and the edits built from them. */
#pragma once

#include "tenure-qualify.h"

G_BEGIN_DECLS

typedef enum
{
  QUALIFY_ROW_QUESTION,
  QUALIFY_ROW_OPTION,
  QUALIFY_ROW_ANSWER,
} QualifyRowKind;

/* One row of question, option or answer, as it is or as it will be. */
typedef struct
{
  QualifyRowKind      kind;
  gint64              id;            /* question and option: their id; answer: account_id */
  gint64              question_id;   /* option and answer */
  gint64              option_id;     /* answer */
  gint64              import_id;     /* answer; 0 for NULL */
  int                 position;
  int                 points;
  gboolean            active;
  TenureQuestionKind  question_kind;
  char               *text;
} QualifyRow;

/* An edit is a list of row changes: before NULL inserts, after NULL deletes. Redo
 * applies them in order, undo in reverse order with before and after swapped. */
typedef struct
{
  char       *label;
  GPtrArray  *befores;
  GPtrArray  *afters;
} QualifyEdit;

QualifyRow  *qualify_row_copy           (const QualifyRow  *row);
void         qualify_row_free           (QualifyRow        *row);

QualifyEdit *qualify_edit_new           (const char        *label);
void         qualify_edit_free          (QualifyEdit       *edit);
void         qualify_edit_add           (QualifyEdit       *edit,
                                         QualifyRow        *before,
                                         QualifyRow        *after);

GPtrArray   *qualify_read_questions     (TenureDb          *db,
                                         GError           **error);
GPtrArray   *qualify_read_options       (TenureDb          *db,
                                         gint64             question_id,
                                         GError           **error);
GPtrArray   *qualify_read_answers       (TenureDb          *db,
                                         gint64             question_id,
                                         gint64             option_id,
                                         GError           **error);
int          qualify_next_position      (GPtrArray         *rows);
gboolean     qualify_next_id            (TenureDb          *db,
                                         const char        *table,
                                         gint64            *id,
                                         GError           **error);

char        *qualify_normalize_text     (const char        *text,
                                         QualifyRowKind     what,
                                         GError           **error);
gboolean     qualify_check_points       (int                points,
                                         GError           **error);
char        *qualify_text_key           (const char        *text);
GHashTable  *qualify_key_cache_new      (void);
const char  *qualify_text_key_cached    (GHashTable        *cache,
                                         const char        *text);

/* Helpers of the edit builders, which run inside the caller's transaction. */
QualifyRow  *qualify_find_row           (GPtrArray         *rows,
                                         gint64             id);
gboolean     qualify_set_not_found      (GError           **error,
                                         QualifyRowKind     what);
void         qualify_edit_add_renumbering (QualifyEdit     *edit,
                                         GPtrArray         *rows);
void         qualify_edit_add_move      (QualifyEdit       *edit,
                                         GPtrArray         *rows,
                                         QualifyRow        *row,
                                         int                position);
gboolean     qualify_edit_add_answer_deletions (TenureDb *db,
                                         QualifyEdit       *edit,
                                         gint64             question_id,
                                         gint64             option_id,
                                         GError           **error);
gboolean     qualify_check_unique_question (GPtrArray      *questions,
                                         gint64             except_id,
                                         const char        *text,
                                         GHashTable        *keys,
                                         GError           **error);
gboolean     qualify_check_unique_option (GPtrArray        *options,
                                         gint64             except_id,
                                         const char        *text,
                                         GHashTable        *keys,
                                         GError           **error);
gboolean     qualify_check_can_be_active (GPtrArray        *options,
                                         GError           **error);
gboolean     qualify_read_option_context (TenureDb         *db,
                                         gint64             option_id,
                                         QualifyRow       **question,
                                         GPtrArray        **options,
                                         QualifyRow       **option,
                                         GError           **error);

/* Applies an edit forward (redo) or backward (undo), in the caller's transaction. */
gboolean     qualify_edit_apply         (TenureDb          *db,
                                         QualifyEdit       *edit,
                                         gboolean           forward,
                                         GError           **error);

/* Applies @edit (owned) in a transaction begun by the caller, commits, and records it. */
gboolean     qualify_editor_finish_edit (TenureQuestionEditor *self,
                                         QualifyEdit       *edit,
                                         GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QualifyRow, qualify_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (QualifyEdit, qualify_edit_free)

G_END_DECLS
