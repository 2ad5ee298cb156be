/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Qualification page on the demo company under Xvfb: the question editor with undo and
 * its preview, the audit against tenure_audit_compute, the threshold simulation against
 * tenure_audit_simulate, and screenshots of the three views. */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "tenure-application.h"
#include "tenure-date.h"
#include "tenure-audit-view.h"
#include "tenure-qualification-page.h"
#include "tenure-question-editor-view.h"
#include "tenure-signup-preview.h"
#include "tenure-test-gui.h"
#include "tenure-test-util.h"
#include "tenure-test-window.h"
#include "tenure-threshold-view.h"
#include "tenure-window-private.h"

static TenureApplication *app;
static char *tmpdir;
static char *demo_path;

static gboolean
welcome_idle (gpointer data)
{
  return !tenure_welcome_page_get_busy (data);
}

/* Scrolls @widget's scrolled window so that @widget is near its top. */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (widget, content, &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, point.y - 60);
}

/* The first row of the question list: the first widget that carries a question id. */
static GtkWidget *
find_question_row (GtkWidget *widget)
{
  if (g_object_get_data (G_OBJECT (widget), "question-id") != NULL)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_question_row (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static TenureWindow *
new_window (int width,
            int height)
{
  TenureWindow *window = tenure_window_new (GTK_APPLICATION (app));

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (widget_mapped, window);
  test_settle (GTK_WIDGET (window), 2);

  return window;
}

/* A window on the demo company's Qualification page, its figures shown. */
static TenureQualificationPage *
open_page (TenureWindow *window)
{
  g_autoptr(GFile) file = g_file_new_for_path (demo_path);
  TenurePage *page;

  tenure_window_open_file (window, file);
  wait_for (window_idle, window);
  tenure_window_show_page (window, "qualification");
  page = tenure_window_get_visible_page (window);
  g_assert_true (TENURE_IS_QUALIFICATION_PAGE (page));
  wait_for (page_ready, page);
  test_settle (GTK_WIDGET (window), 2);

  return TENURE_QUALIFICATION_PAGE (page);
}

static void
show_view (TenureWindow            *window,
           TenureQualificationPage *page,
           const char              *name)
{
  tenure_qualification_page_show_view (page, name);
  wait_for (page_ready, page);
  test_settle (GTK_WIDGET (window), 3);
}

static void
screenshot (TenureWindow *window,
            const char   *name)
{
  g_autofree char *path = NULL;

  test_settle (GTK_WIDGET (window), 2);
  path = test_save_screenshot (GTK_WIDGET (window), name);
  g_test_message ("screenshot: %s", path);
}

static TenureDb *
open_demo_read_only (void)
{
  g_autoptr(GError) error = NULL;
  TenureDb *db = tenure_db_open (demo_path, TENURE_DB_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  return db;
}

static GPtrArray *
list_questions (void)
{
  g_autoptr(TenureDb) db = open_demo_read_only ();
  g_autoptr(GError) error = NULL;
  GPtrArray *questions = tenure_qualify_list_questions (db, &error);

  g_assert_no_error (error);
  return questions;
}

static int
stored_points (gint64 option_id)
{
  g_autoptr(GPtrArray) questions = list_questions ();

  for (guint q = 0; q < questions->len; q++)
    {
      TenureQuestion *question = g_ptr_array_index (questions, q);

      for (guint o = 0; o < question->options->len; o++)
        {
          TenureOption *option = g_ptr_array_index (question->options, o);

          if (option->id == option_id)
            return option->points;
        }
    }

  g_assert_not_reached ();
}

static TenureAudit *
compute_audit (int month)
{
  g_autoptr(TenureDb) db = open_demo_read_only ();
  g_autoptr(GError) error = NULL;
  TenureAudit *audit = tenure_audit_compute (db, month, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return audit;
}

/* The demo company, created through the welcome page as the user would. */
static void
test_demo (void)
{
  TenureWindow *window = new_window (1280, 800);

  demo_path = tenure_welcome_page_dup_demo_path ();
  tenure_welcome_page_open_demo (window->welcome_page);
  wait_for (welcome_idle, window->welcome_page);
  wait_for (window_idle, window);
  g_assert_true (g_file_test (demo_path, G_FILE_TEST_IS_REGULAR));
  close_window (window);
}

/* The editor lists the questions in order; a points edit is saved and undone; the preview
 * shows the question as typed. */
static void
test_questions (void)
{
  g_autoptr(GPtrArray) questions = list_questions ();
  TenureWindow *window = new_window (1280, 800);
  TenureQualificationPage *page = open_page (window);
  TenureQuestionEditorView *view = tenure_qualification_page_get_questions_view (page);
  GPtrArray *shown = tenure_question_editor_view_get_questions (view);
  TenureQuestion *urgent;
  TenureOption *option;
  GtkSpinButton *spin;
  GtkWidget *preview;
  AdwEntryRow *text_row;
  int before;

  /* The demo's five questions, in order, the first selected. */
  g_assert_cmpuint (questions->len, ==, 5);
  g_assert_cmpuint (shown->len, ==, questions->len);
  for (guint i = 0; i < questions->len; i++)
    {
      TenureQuestion *expected = g_ptr_array_index (questions, i);
      TenureQuestion *question = g_ptr_array_index (shown, i);

      g_assert_cmpint (question->id, ==, expected->id);
      g_assert_cmpstr (question->text, ==, expected->text);
    }
  g_assert_cmpstr (((TenureQuestion *) shown->pdata[1])->text, ==, "How urgent is it for you?");
  g_assert_cmpint (tenure_question_editor_view_get_selected (view), ==,
                   ((TenureQuestion *) questions->pdata[0])->id);

  /* Points of "Within this quarter" through its spin button: saved, then undone. */
  urgent = g_ptr_array_index (questions, 1);
  option = g_ptr_array_index (urgent->options, 1);
  g_assert_cmpstr (option->text, ==, "Within this quarter");
  before = option->points;
  tenure_question_editor_view_select (view, urgent->id);
  g_assert_cmpint (tenure_question_editor_view_get_selected (view), ==, urgent->id);
  spin = tenure_question_editor_view_get_points_button (view, option->id);
  g_assert_nonnull (spin);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, before);
  gtk_spin_button_set_value (spin, before + 4);
  g_assert_cmpint (stored_points (option->id), ==, before + 4);
  g_assert_null (tenure_question_editor_view_get_error (view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "qualification.undo", NULL));
  g_assert_cmpint (stored_points (option->id), ==, before);
  spin = tenure_question_editor_view_get_points_button (view, option->id);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, before);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "qualification.redo", NULL));
  g_assert_cmpint (stored_points (option->id), ==, before + 4);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "qualification.undo", NULL));
  g_assert_cmpint (stored_points (option->id), ==, before);

  /* The preview shows the selected question, and follows the text as it is typed. */
  preview = tenure_question_editor_view_get_preview (view);
  g_assert_true (gtk_widget_get_mapped (preview));
  g_assert_cmpstr (tenure_signup_preview_get_text (TENURE_SIGNUP_PREVIEW (preview), urgent->id),
                   ==, urgent->text);
  /* The question's text row is the first entry row of the view. */
  text_row = ADW_ENTRY_ROW (test_find_descendant (GTK_WIDGET (view), ADW_TYPE_ENTRY_ROW, FALSE));
  g_assert_nonnull (text_row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (text_row)), ==, urgent->text);
  gtk_editable_set_text (GTK_EDITABLE (text_row), "How soon do you need it?");
  g_assert_cmpstr (tenure_signup_preview_get_text (TENURE_SIGNUP_PREVIEW (preview), urgent->id),
                   ==, "How soon do you need it?");
  gtk_editable_set_text (GTK_EDITABLE (text_row), urgent->text);

  /* Alt+Down moves the selected question down, Ctrl+Z puts it back. */
  tenure_question_editor_view_select (view, urgent->id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "editor.move-down", NULL));
  {
    g_autoptr(GPtrArray) moved = list_questions ();

    g_assert_cmpint (((TenureQuestion *) moved->pdata[2])->id, ==, urgent->id);
    g_assert_cmpint (tenure_question_editor_view_get_selected (view), ==, urgent->id);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "qualification.undo", NULL));
  {
    g_autoptr(GPtrArray) back = list_questions ();

    g_assert_cmpint (((TenureQuestion *) back->pdata[1])->id, ==, urgent->id);
  }

  /* Dropping the fourth question on the first row moves it first. */
  {
    GtkWidget *first = find_question_row (GTK_WIDGET (view));
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (first);
    g_auto(GValue) value = G_VALUE_INIT;
    g_autoptr(GPtrArray) moved = NULL;
    GtkDropTarget *target = NULL;
    gint64 dragged = ((TenureQuestion *) questions->pdata[3])->id;
    gboolean accepted = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_DROP_TARGET (controller))
          target = GTK_DROP_TARGET (controller);
      }
    g_assert_nonnull (target);
    g_value_init (&value, G_TYPE_INT64);
    g_value_set_int64 (&value, dragged);
    g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
    g_assert_true (accepted);
    moved = list_questions ();
    g_assert_cmpint (((TenureQuestion *) moved->pdata[0])->id, ==, dragged);
    g_assert_cmpint (((TenureQuestion *) moved->pdata[1])->id, ==,
                     ((TenureQuestion *) questions->pdata[0])->id);
    g_clear_object (&controllers);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "qualification.undo", NULL));
    g_clear_pointer (&moved, g_ptr_array_unref);
    moved = list_questions ();
    g_assert_cmpint (((TenureQuestion *) moved->pdata[3])->id, ==, dragged);
  }

  /* An empty text is refused, and the message shown where the editing happens. */
  gtk_editable_set_text (GTK_EDITABLE (text_row), "   ");
  g_signal_emit_by_name (text_row, "apply");
  g_assert_nonnull (tenure_question_editor_view_get_error (view));
  g_assert_nonnull (strstr (tenure_question_editor_view_get_error (view), "needs a text"));
  gtk_editable_set_text (GTK_EDITABLE (text_row), urgent->text);
  tenure_question_editor_view_select (view, ((TenureQuestion *) questions->pdata[0])->id);
  g_assert_null (tenure_question_editor_view_get_error (view));

  wait_for (page_ready, page);
  close_window (window);
}

/* Deleting an answered question asks first; stopping to ask it keeps the answers. */
static void
test_delete_question (void)
{
  g_autoptr(GPtrArray) questions = list_questions ();
  TenureWindow *window = new_window (1280, 800);
  TenureQualificationPage *page = open_page (window);
  TenureQuestionEditorView *view = tenure_qualification_page_get_questions_view (page);
  TenureQuestion *question = g_ptr_array_index (questions, 3);
  g_autoptr(GPtrArray) after = NULL;
  AdwMessageDialog *dialog = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT " customers answered",
                                            question->answers);

  g_assert_true (question->active);
  g_assert_cmpint (question->answers, >, 0);
  tenure_question_editor_view_select (view, question->id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "editor.delete-question", NULL));
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        dialog = ADW_MESSAGE_DIALOG (toplevel);
    }
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), count));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "keeps the answers"));
  test_settle (GTK_WIDGET (dialog), 2);
  g_free (test_save_screenshot (GTK_WIDGET (dialog), "qualification-delete-dialog"));

  adw_message_dialog_response (dialog, "stop");
  gtk_window_destroy (GTK_WINDOW (dialog));
  after = list_questions ();
  g_assert_cmpuint (after->len, ==, 5);
  g_assert_false (((TenureQuestion *) after->pdata[3])->active);
  g_assert_cmpint (((TenureQuestion *) after->pdata[3])->answers, ==, question->answers);

  /* Undone from the toast's action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "qualification.undo", NULL));
  g_clear_pointer (&after, g_ptr_array_unref);
  after = list_questions ();
  g_assert_true (((TenureQuestion *) after->pdata[3])->active);

  wait_for (page_ready, page);
  close_window (window);
}

/* The audit shows the population of tenure_audit_compute for the month; its charts
 * describe the shares; the suggestions apply as one edit. */
static void
test_audit (void)
{
  TenureWindow *window = new_window (1280, 800);
  TenureQualificationPage *page = open_page (window);
  TenureAuditView *view = tenure_qualification_page_get_audit_view (page);
  int month = tenure_page_get_month (TENURE_PAGE (page));
  g_autoptr(TenureAudit) audit = compute_audit (month);
  const TenureAuditQuestion *question;
  const TenureAuditOption *option;
  g_autofree char *groups = NULL;
  g_autofree char *population = NULL;
  g_autofree char *share_top = NULL;
  g_autofree char *share_bottom = NULL;
  g_autofree char *description = NULL;
  TenureChart *chart;
  guint changed = 0;

  show_view (window, page, "audit");
  g_assert_cmpuint (audit->population, >, 50);
  g_assert_cmpuint (audit->group_size, ==, (audit->population + 4) / 5);
  groups = g_strdup_printf ("the %u best-retained and the %u fastest-churning", audit->group_size,
                            audit->group_size);
  population = g_strdup_printf ("of %u customers who answered", audit->population);
  g_assert_nonnull (tenure_audit_view_get_summary (view));
  g_assert_nonnull (strstr (tenure_audit_view_get_summary (view), groups));
  g_assert_nonnull (strstr (tenure_audit_view_get_summary (view), population));
  g_assert_nonnull (strstr (tenure_audit_view_get_summary (view), "at least 6 months before"));

  /* The chart of the urgency question names each share. */
  question = g_ptr_array_index (audit->questions, 1);
  option = &g_array_index (question->options, TenureAuditOption, 0);
  g_assert_true (option->has_shares);
  chart = tenure_audit_view_get_chart (view, 1);
  g_assert_nonnull (chart);
  description = tenure_chart_get_description (chart);
  share_top = tenure_format_value (option->share_top_pct, TENURE_UNIT_PERCENT, NULL,
                                   TENURE_FORMAT_NONE, TENURE_LANGUAGE_DEFAULT);
  share_bottom = tenure_format_value (option->share_bottom_pct, TENURE_UNIT_PERCENT, NULL,
                                      TENURE_FORMAT_NONE, TENURE_LANGUAGE_DEFAULT);
  g_test_message ("%s", description);
  g_assert_nonnull (strstr (description, option->text));
  g_assert_nonnull (strstr (description, share_top));
  g_assert_nonnull (strstr (description, share_bottom));
  g_assert_nonnull (strstr (description, "Best-retained"));

  /* Apply suggested points: every suggestion stored; one undo restores them all. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "qualification.apply-suggestions",
                                             NULL));
  for (guint q = 0; q < audit->questions->len; q++)
    {
      const TenureAuditQuestion *aq = g_ptr_array_index (audit->questions, q);

      for (guint o = 0; o < aq->options->len; o++)
        {
          const TenureAuditOption *ao = &g_array_index (aq->options, TenureAuditOption, o);

          if (ao->has_suggestion)
            {
              g_assert_cmpint (stored_points (ao->option_id), ==, ao->suggested_points);
              changed += ao->suggested_points != ao->points;
            }
        }
    }
  g_assert_cmpuint (changed, >, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "qualification.undo", NULL));
  g_assert_cmpint (stored_points (option->option_id), ==, option->points);
  wait_for (page_ready, page);

  /* The audit follows the month selector. */
  {
    TenureWorkspace *workspace = tenure_window_get_workspace (window);
    g_autoptr(TenureAudit) earlier = compute_audit (month - 12);
    g_autofree char *earlier_population = g_strdup_printf ("of %u customers who answered",
                                                           earlier->population);

    g_assert_cmpuint (earlier->population, <, audit->population);
    g_assert_cmpuint (earlier->population, >, 0);
    tenure_workspace_set_month (workspace, month - 12);
    wait_for (page_ready, page);
    g_assert_nonnull (strstr (tenure_audit_view_get_summary (view), earlier_population));

    /* Before any cohort is 6 months old: the empty state explains the rule. */
    tenure_workspace_set_month (workspace, tenure_workspace_get_first_month (workspace) + 2);
    wait_for (page_ready, page);
    g_assert_null (tenure_audit_view_get_summary (view));
    test_settle (GTK_WIDGET (window), 2);
    g_free (test_save_screenshot (GTK_WIDGET (window), "qualification-audit-empty-light-1280x800"));
    tenure_workspace_set_month (workspace, month);
    wait_for (page_ready, page);
  }

  close_window (window);
}

static void
assert_figures (TenureThresholdView *view,
                const TenureAudit   *audit,
                int                  threshold)
{
  TenureThresholdRow row;
  g_autofree char *kept = NULL;
  g_autofree char *retention_kept = NULL;
  g_autofree char *retention_all = NULL;
  g_autofree char *mrr = NULL;

  tenure_audit_simulate (audit, threshold, &row);
  g_assert_true (row.has_kept_pct);
  g_assert_true (row.has_retention12_kept);
  g_assert_true (row.has_retention12_all);
  kept = tenure_format_percent (row.kept_pct, 1, TENURE_FORMAT_NONE, TENURE_LANGUAGE_DEFAULT);
  retention_kept = tenure_format_percent (row.retention12_kept_pct, 1, TENURE_FORMAT_NONE,
                                          TENURE_LANGUAGE_DEFAULT);
  retention_all = tenure_format_percent (row.retention12_all_pct, 1, TENURE_FORMAT_NONE,
                                         TENURE_LANGUAGE_DEFAULT);
  mrr = tenure_format_money (row.mrr_rejected_cents, "EUR", TENURE_FORMAT_NONE,
                             TENURE_LANGUAGE_DEFAULT);

  g_assert_cmpint (tenure_threshold_view_get_threshold (view), ==, threshold);
  g_assert_cmpstr (tenure_threshold_view_get_figure (view, TENURE_THRESHOLD_FIGURE_KEPT), ==, kept);
  g_assert_cmpstr (tenure_threshold_view_get_figure (view, TENURE_THRESHOLD_FIGURE_RETENTION_KEPT),
                   ==, retention_kept);
  g_assert_cmpstr (tenure_threshold_view_get_figure (view, TENURE_THRESHOLD_FIGURE_RETENTION_ALL),
                   ==, retention_all);
  g_assert_cmpstr (tenure_threshold_view_get_figure (view, TENURE_THRESHOLD_FIGURE_MRR_REJECTED),
                   ==, mrr);
}

/* The slider's figures are tenure_audit_simulate's; the pick is stored for the report. */
static void
test_simulation (void)
{
  TenureWindow *window = new_window (1280, 800);
  TenureQualificationPage *page = open_page (window);
  TenureThresholdView *view = tenure_qualification_page_get_threshold_view (page);
  g_autoptr(TenureAudit) audit = compute_audit (tenure_page_get_month (TENURE_PAGE (page)));
  g_autoptr(TenureDb) db = NULL;
  const TenureThresholdRow *highest;
  int threshold;
  int stored = -1;

  show_view (window, page, "simulation");
  highest = &g_array_index (audit->thresholds, TenureThresholdRow, audit->thresholds->len - 1);
  threshold = highest->threshold / 2;
  g_assert_cmpint (threshold, >, 0);

  tenure_threshold_view_set_threshold (view, threshold);
  assert_figures (view, audit, threshold);
  /* Kept % falls as the threshold rises. */
  tenure_threshold_view_set_threshold (view, threshold + 3);
  assert_figures (view, audit, threshold + 3);
  tenure_threshold_view_set_threshold (view, threshold);
  test_settle (GTK_WIDGET (window), 3);
  g_assert_cmpint (tenure_chart_get_selected (tenure_threshold_view_get_chart (view)), ==,
                   threshold - ((TenureThresholdRow *) audit->thresholds->data)->threshold);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "simulation.use-threshold", NULL));
  db = open_demo_read_only ();
  g_assert_true (tenure_qualify_get_threshold (db, &stored));
  g_assert_cmpint (stored, ==, threshold);
  {
    g_autofree char *expected = g_strdup_printf ("The report will use a threshold of %d points.",
                                                 threshold);

    g_assert_cmpstr (tenure_threshold_view_get_figure (view, TENURE_THRESHOLD_FIGURE_SAVED), ==,
                     expected);
  }

  close_window (window);
}

/* Each view in light and dark, at 1280×800 and 800×600. */
static void
test_screenshots (void)
{
  static const char *views[] = { "questions", "audit", "simulation" };
  static const struct { int width, height; } sizes[] = { { 1280, 800 }, { 800, 600 } };
  AdwStyleManager *style = adw_style_manager_get_default ();

  for (guint dark = 0; dark < 2; dark++)
    {
      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                      : ADW_COLOR_SCHEME_FORCE_LIGHT);
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          TenureWindow *window = new_window (sizes[s].width, sizes[s].height);
          TenureQualificationPage *page = open_page (window);

          for (guint v = 0; v < G_N_ELEMENTS (views); v++)
            {
              g_autofree char *name = g_strdup_printf ("qualification-%s-%s-%dx%d", views[v],
                                                       dark ? "dark" : "light", sizes[s].width,
                                                       sizes[s].height);

              show_view (window, page, views[v]);
              screenshot (window, name);

              /* The answers and their points, further down the editor. */
              if (v == 0)
                {
                  TenureQuestionEditorView *editor =
                    tenure_qualification_page_get_questions_view (page);
                  g_autofree char *answers = g_strdup_printf ("qualification-answers-%s-%dx%d",
                                                              dark ? "dark" : "light",
                                                              sizes[s].width, sizes[s].height);

                  tenure_question_editor_view_select (editor, 2);
                  test_settle (GTK_WIDGET (window), 2);
                  scroll_to (GTK_WIDGET (tenure_question_editor_view_get_points_button (editor,
                                                                                        5)));
                  screenshot (window, answers);
                }

              /* A whole question card: chart, signals and points. */
              if (v == 1)
                {
                  TenureAuditView *audit = tenure_qualification_page_get_audit_view (page);
                  g_autofree char *cards = g_strdup_printf ("qualification-audit-cards-%s-%dx%d",
                                                            dark ? "dark" : "light",
                                                            sizes[s].width, sizes[s].height);

                  scroll_to (GTK_WIDGET (tenure_audit_view_get_chart (audit, 1)));
                  screenshot (window, cards);
                }
            }
          close_window (window);
        }
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmpdir = test_gui_init (&argc, &argv);

  app = test_gui_app_new (G_APPLICATION_HANDLES_OPEN);

  g_test_add_func ("/gui/qualification/demo", test_demo);
  g_test_add_func ("/gui/qualification/questions", test_questions);
  g_test_add_func ("/gui/qualification/delete-question", test_delete_question);
  g_test_add_func ("/gui/qualification/audit", test_audit);
  g_test_add_func ("/gui/qualification/simulation", test_simulation);
  g_test_add_func ("/gui/qualification/screenshots", test_screenshots);

  status = g_test_run ();

  test_gui_cleanup (&app, &tmpdir);
  g_free (demo_path);

  return status;
}
