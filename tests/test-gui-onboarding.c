/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Onboarding page on the demo company under Xvfb: the list's completion rates and the
 * designer's funnel equal the core's, edits through the widgets reach the file and undo
 * restores it, a scenario from a template, and screenshots. */

#include "config.h"

#include <math.h>
#include <adwaita.h>

#include "tenure-application.h"
#include "tenure-date.h"
#include "tenure-db.h"
#include "tenure-demo.h"
#include "tenure-format.h"
#include "tenure-onboarding-page.h"
#include "tenure-scenario-timeline.h"
#include "tenure-template-chooser.h"
#include "tenure-test-gui.h"
#include "tenure-test-util.h"
#include "tenure-test-window.h"
#include "tenure-window-private.h"

#define DEMO_MONTH TENURE_MONTH (2026, 10)

static TenureApplication *app;
static char *tmpdir;
static char *demo_path;

/* A window of @width × @height on the demo company's Onboarding page, ready. */
static TenureWindow *
open_onboarding (int                    width,
                 int                    height,
                 TenureOnboardingPage **page)
{
  TenureWindow *window = tenure_window_new (GTK_APPLICATION (app));
  g_autoptr(GFile) file = g_file_new_for_path (demo_path);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (widget_mapped, window);
  tenure_window_open_file (window, file);
  wait_for (window_idle, window);
  tenure_workspace_set_month (tenure_window_get_workspace (window), DEMO_MONTH);
  tenure_window_show_page (window, "onboarding");
  *page = TENURE_ONBOARDING_PAGE (tenure_window_get_visible_page (window));
  g_assert_true (TENURE_IS_ONBOARDING_PAGE (*page));
  wait_for (page_settled, *page);
  g_assert_cmpint (tenure_page_get_month (TENURE_PAGE (*page)), ==, DEMO_MONTH);

  return window;
}

static TenureDb *
open_db (void)
{
  g_autoptr(GError) error = NULL;
  TenureDb *db = tenure_db_open (demo_path, TENURE_DB_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  return db;
}

/* The scenario's steps as the file has them, one line each. */
static char *
describe (gint64 scenario_id)
{
  g_autoptr(TenureDb) db = open_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureScenario) scenario = tenure_scenario_load (db, scenario_id, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  g_string_append_printf (out, "%s\n", scenario->name);
  for (guint i = 0; i < scenario->steps->len; i++)
    {
      TenureStep *step = g_ptr_array_index (scenario->steps, i);

      g_string_append_printf (out, "%" G_GINT64_FORMAT "|%d|%s|%d|%d|%s\n", step->id,
                              step->position, step->title, step->required, step->day_offset,
                              tenure_step_kind_to_string (step->kind));
    }

  return g_string_free (out, FALSE);
}

static TenureScenario *
load (gint64 scenario_id)
{
  g_autoptr(TenureDb) db = open_db ();
  g_autoptr(GError) error = NULL;
  TenureScenario *scenario = tenure_scenario_load (db, scenario_id, &error);

  g_assert_no_error (error);
  return scenario;
}

static char *
format_pct (double value)
{
  return isnan (value) ? g_strdup ("—")
                       : tenure_format_percent (value, 0, TENURE_FORMAT_NONE,
                                                TENURE_LANGUAGE_DEFAULT);
}

/* The rows of the designer are the steps of the file, in order, with the core's funnel. */
static void
assert_designer_matches (TenureScenarioDesigner *designer,
                         gint64                  scenario_id)
{
  g_autoptr(TenureDb) db = open_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureScenario) scenario = tenure_scenario_load (db, scenario_id, &error);
  g_autoptr(TenureScenarioStats) stats = NULL;

  g_assert_no_error (error);
  stats = tenure_scenario_compute_stats (db, scenario_id, DEMO_MONTH, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (tenure_scenario_designer_get_n_rows (designer), ==, scenario->steps->len);
  g_assert_cmpuint (stats->steps->len, ==, scenario->steps->len);
  for (guint i = 0; i < scenario->steps->len; i++)
    {
      TenureStep *step = g_ptr_array_index (scenario->steps, i);
      TenureStepStats *s = &g_array_index (stats->steps, TenureStepStats, i);
      double shown = tenure_scenario_designer_get_row_done_pct (designer, i);
      g_autofree char *text = format_pct (s->done_pct);

      g_assert_cmpint (tenure_scenario_designer_get_row_step_id (designer, i), ==, step->id);
      g_assert_cmpint (s->step_id, ==, step->id);
      g_assert_cmpstr (tenure_scenario_designer_get_row_done_text (designer, i), ==, text);
      if (isnan (s->done_pct))
        g_assert_true (isnan (shown));
      else
        g_assert_cmpfloat_with_epsilon (shown, s->done_pct, 1e-9);
    }
}

static gboolean
chooser_shown (gpointer data)
{
  GtkWindow **found = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (TENURE_IS_TEMPLATE_CHOOSER (toplevel) && gtk_widget_get_mapped (GTK_WIDGET (toplevel)))
        *found = toplevel;
    }

  return *found != NULL;
}

static void
undo (TenureOnboardingPage *page)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "onboarding.undo", NULL));
}

static void
test_page (void)
{
  g_autoptr(TenureDb) db = open_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(TenureScenario) scenario = NULL;
  g_autofree char *before_title = NULL;
  g_autofree char *before_required = NULL;
  g_autofree char *before_move = NULL;
  g_autofree char *before_delete = NULL;
  g_autofree char *after_delete = NULL;
  g_autofree char *now = NULL;
  TenureOnboardingPage *page;
  TenureScenarioDesigner *designer;
  TenureWindow *window;
  GtkWindow *chooser = NULL;
  const TenureScenarioTemplate *templates;
  gint64 scenario_id, first_step, second_step, created;
  gboolean required;
  guint n_templates;

  window = open_onboarding (1280, 800, &page);

  /* The list: both demo scenarios, completion as the core computes it. */
  all = tenure_scenario_compute_all_stats (db, DEMO_MONTH, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpstr (tenure_onboarding_page_get_view (page), ==, "list");
  g_assert_cmpuint (tenure_onboarding_page_get_n_scenarios (page), ==, 2);
  for (guint i = 0; i < all->len; i++)
    {
      TenureScenarioStats *stats = g_ptr_array_index (all, i);
      g_autofree char *expected = format_pct (stats->completion_pct);

      g_assert_false (isnan (stats->completion_pct));
      g_assert_cmpstr (tenure_onboarding_page_get_completion_text (page, stats->scenario_id),
                       ==, expected);
    }
  test_screenshot (GTK_WIDGET (window), "onboarding-list-light-1280x800");

  /* The designer: rows are the steps in order, the bars the core's funnel. */
  scenario_id = ((TenureScenarioStats *) g_ptr_array_index (all, 0))->scenario_id;
  tenure_onboarding_page_open_scenario (page, scenario_id);
  g_assert_cmpstr (tenure_onboarding_page_get_view (page), ==, "designer");
  designer = tenure_onboarding_page_get_designer (page);
  assert_designer_matches (designer, scenario_id);
  scenario = load (scenario_id);
  g_assert_cmpuint (scenario->steps->len, >=, 3);
  g_assert_cmpuint (tenure_scenario_timeline_get_n_markers (TENURE_SCENARIO_TIMELINE (
    tenure_scenario_designer_get_timeline (designer))), ==, scenario->steps->len);
  first_step = ((TenureStep *) g_ptr_array_index (scenario->steps, 0))->id;
  second_step = ((TenureStep *) g_ptr_array_index (scenario->steps, 1))->id;
  required = ((TenureStep *) g_ptr_array_index (scenario->steps, 0))->required;
  test_screenshot (GTK_WIDGET (window), "onboarding-designer-light-1280x800");
  {
    GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (designer),
                                                   GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment =
      gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    test_screenshot (GTK_WIDGET (window), "onboarding-designer-editor-light-1280x800");
    gtk_adjustment_set_value (adjustment, 0);
  }

  /* Rename the first step's title. */
  tenure_scenario_designer_select_row (designer, 0);
  before_title = describe (scenario_id);
  gtk_editable_set_text (tenure_scenario_designer_get_title_entry (designer), "Kick-off call");
  g_clear_pointer (&scenario, tenure_scenario_free);
  scenario = load (scenario_id);
  g_assert_cmpstr (((TenureStep *) g_ptr_array_index (scenario->steps, 0))->title, ==,
                   "Kick-off call");

  /* Toggle it required or optional. */
  before_required = describe (scenario_id);
  gtk_switch_set_active (tenure_scenario_designer_get_required_switch (designer), !required);
  g_clear_pointer (&scenario, tenure_scenario_free);
  scenario = load (scenario_id);
  g_assert_cmpint (((TenureStep *) g_ptr_array_index (scenario->steps, 0))->required, ==,
                   !required);

  /* Move it down (Alt+Down's action): it is second now. */
  before_move = describe (scenario_id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (designer), "designer.move-down", NULL));
  g_clear_pointer (&scenario, tenure_scenario_free);
  scenario = load (scenario_id);
  g_assert_cmpint (((TenureStep *) g_ptr_array_index (scenario->steps, 0))->id, ==, second_step);
  g_assert_cmpint (((TenureStep *) g_ptr_array_index (scenario->steps, 1))->id, ==, first_step);
  g_assert_cmpint (tenure_scenario_designer_get_row_step_id (designer, 1), ==, first_step);

  /* Delete it: the step is gone, and a toast offers to undo. */
  before_delete = describe (scenario_id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (designer), "designer.delete-step",
                                             NULL));
  g_clear_pointer (&scenario, tenure_scenario_free);
  scenario = load (scenario_id);
  for (guint i = 0; i < scenario->steps->len; i++)
    g_assert_cmpint (((TenureStep *) g_ptr_array_index (scenario->steps, i))->id, !=, first_step);
  g_assert_cmpuint (tenure_scenario_designer_get_n_rows (designer), ==, scenario->steps->len);
  after_delete = describe (scenario_id);
  wait_for (page_settled, page);
  assert_designer_matches (designer, scenario_id);

  /* Ctrl+Z four times: the file is back to each state in turn. */
  undo (page);
  now = describe (scenario_id);
  g_assert_cmpstr (now, ==, before_delete);
  g_clear_pointer (&now, g_free);
  undo (page);
  now = describe (scenario_id);
  g_assert_cmpstr (now, ==, before_move);
  g_clear_pointer (&now, g_free);
  undo (page);
  now = describe (scenario_id);
  g_assert_cmpstr (now, ==, before_required);
  g_clear_pointer (&now, g_free);
  undo (page);
  now = describe (scenario_id);
  g_assert_cmpstr (now, ==, before_title);
  g_clear_pointer (&now, g_free);
  g_assert_false (tenure_scenario_editor_can_undo (tenure_onboarding_page_get_editor (page)));
  wait_for (page_settled, page);
  assert_designer_matches (designer, scenario_id);

  /* A step dropped on the third row moves there; undo puts it back. */
  {
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (
      tenure_scenario_designer_get_steps_list (designer), 2);
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (row));
    g_auto(GValue) value = G_VALUE_INIT;
    GtkDropTarget *target = NULL;
    gboolean accepted = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_DROP_TARGET (controller))
          target = GTK_DROP_TARGET (controller);
      }
    g_assert_nonnull (target);
    g_value_init (&value, G_TYPE_INT64);
    g_value_set_int64 (&value, first_step);
    g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
    g_assert_true (accepted);
    g_clear_pointer (&scenario, tenure_scenario_free);
    scenario = load (scenario_id);
    g_assert_cmpint (((TenureStep *) g_ptr_array_index (scenario->steps, 2))->id, ==, first_step);
    g_assert_cmpint (((TenureStep *) g_ptr_array_index (scenario->steps, 0))->id, ==, second_step);
    g_assert_cmpint (tenure_scenario_designer_get_row_step_id (designer, 2), ==, first_step);
    undo (page);
    now = describe (scenario_id);
    g_assert_cmpstr (now, ==, before_title);
    g_clear_pointer (&now, g_free);
  }

  /* An empty title is refused inline: the file keeps the old one. */
  tenure_scenario_designer_select_row (designer, 0);
  gtk_editable_set_text (tenure_scenario_designer_get_title_entry (designer), "");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (tenure_scenario_designer_get_title_entry (
    designer)), "error"));
  now = describe (scenario_id);
  g_assert_cmpstr (now, ==, before_title);
  g_clear_pointer (&now, g_free);
  tenure_onboarding_page_open_scenario (page, scenario_id);
  g_assert_false (tenure_scenario_editor_can_undo (tenure_onboarding_page_get_editor (page)));

  /* A new scenario from the "monthly-audit-report" template, through the chooser. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "onboarding.back", NULL));
  g_assert_cmpstr (tenure_onboarding_page_get_view (page), ==, "list");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "onboarding.new", NULL));
  wait_for (chooser_shown, &chooser);
  g_assert_cmpuint (tenure_template_chooser_get_n_choices (TENURE_TEMPLATE_CHOOSER (chooser)),
                    ==, 3);
  test_screenshot (GTK_WIDGET (chooser), "onboarding-templates-light");
  tenure_template_chooser_choose (TENURE_TEMPLATE_CHOOSER (chooser), "monthly-audit-report");
  g_assert_cmpstr (tenure_onboarding_page_get_view (page), ==, "designer");
  created = tenure_scenario_designer_get_scenario_id (designer);
  g_assert_cmpint (created, !=, 0);
  g_clear_pointer (&scenario, tenure_scenario_free);
  scenario = load (created);
  templates = tenure_scenario_get_templates (&n_templates);
  g_assert_cmpuint (n_templates, ==, 2);
  g_assert_cmpstr (templates[1].id, ==, "monthly-audit-report");
  g_assert_true (g_str_has_prefix (scenario->name, templates[1].name));
  g_assert_cmpuint (scenario->steps->len, ==, templates[1].n_steps);
  g_assert_cmpuint (tenure_scenario_designer_get_n_rows (designer), ==, scenario->steps->len);
  wait_for (page_settled, page);
  g_assert_cmpuint (tenure_onboarding_page_get_n_scenarios (page), ==, 3);

  /* Undo removes it again. */
  undo (page);
  g_assert_cmpstr (tenure_onboarding_page_get_view (page), ==, "list");
  wait_for (page_settled, page);
  g_assert_cmpuint (tenure_onboarding_page_get_n_scenarios (page), ==, 2);

  close_window (window);
}

/* A workspace without scenarios: the empty state, a blank scenario, and activating it
 * refused without a required step. */
static void
test_empty (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "empty.tenure", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TenureDb) db = NULL;
  g_autoptr(TenureScenario) scenario = NULL;
  g_autoptr(GError) error = NULL;
  TenureWindow *window = tenure_window_new (GTK_APPLICATION (app));
  TenureOnboardingPage *page;
  TenureScenarioDesigner *designer;
  GtkWindow *chooser = NULL;
  gint64 id;

  db = tenure_db_open (path, TENURE_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (widget_mapped, window);
  tenure_window_open_file (window, file);
  wait_for (window_idle, window);
  tenure_window_show_page (window, "onboarding");
  page = TENURE_ONBOARDING_PAGE (tenure_window_get_visible_page (window));
  wait_for (page_settled, page);
  g_assert_cmpstr (tenure_onboarding_page_get_view (page), ==, "empty");
  g_assert_cmpuint (tenure_onboarding_page_get_n_scenarios (page), ==, 0);
  test_screenshot (GTK_WIDGET (window), "onboarding-empty-light-1280x800");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "onboarding.new", NULL));
  wait_for (chooser_shown, &chooser);
  tenure_template_chooser_choose (TENURE_TEMPLATE_CHOOSER (chooser), NULL);
  g_assert_cmpstr (tenure_onboarding_page_get_view (page), ==, "designer");
  designer = tenure_onboarding_page_get_designer (page);
  id = tenure_scenario_designer_get_scenario_id (designer);
  g_assert_cmpint (id, ==, tenure_scenario_find (db, "New scenario"));
  g_assert_cmpuint (tenure_scenario_designer_get_n_rows (designer), ==, 0);

  /* No required step: the core refuses, the scenario stays a draft. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "onboarding.toggle-active",
                                             "x", id));
  scenario = tenure_scenario_load (db, id, &error);
  g_assert_no_error (error);
  g_assert_false (scenario->active);

  /* One step, made required: now it can be activated. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (designer), "designer.add-step", NULL));
  g_assert_cmpuint (tenure_scenario_designer_get_n_rows (designer), ==, 1);
  gtk_switch_set_active (tenure_scenario_designer_get_required_switch (designer), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "onboarding.toggle-active",
                                             "x", id));
  g_clear_pointer (&scenario, tenure_scenario_free);
  scenario = tenure_scenario_load (db, id, &error);
  g_assert_no_error (error);
  g_assert_true (scenario->active);
  g_assert_cmpuint (scenario->steps->len, ==, 1);
  g_assert_true (((TenureStep *) g_ptr_array_index (scenario->steps, 0))->required);

  close_window (window);
}

/* Designing from scratch, as a new user would */

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type,
             guint     *skip)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_get_visible (root))
    {
      if (*skip == 0)
        return root;
      (*skip)--;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, skip);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The @index-th visible widget of @type under @root, or NULL. */
static GtkWidget *
nth_widget (GtkWidget *root,
            GType      type,
            guint      index)
{
  return find_widget (root, type, &index);
}

typedef struct
{
  GType       type;
  const char *title;
  GtkWindow  *found;
} ToplevelQuery;

static gboolean
toplevel_shown (gpointer data)
{
  ToplevelQuery *query = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  query->found = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, query->type) &&
          gtk_widget_get_mapped (GTK_WIDGET (toplevel)) &&
          (query->title == NULL ||
           g_strcmp0 (gtk_window_get_title (toplevel), query->title) == 0))
        query->found = toplevel;
    }

  return query->found != NULL;
}

static gboolean
enrolment_done (gpointer data)
{
  return !tenure_onboarding_page_get_enrolling (data) && page_settled (data);
}

static gboolean
picker_loaded (gpointer data)
{
  return nth_widget (data, GTK_TYPE_CHECK_BUTTON, 1) != NULL;
}

static void
scroll_to (TenureScenarioDesigner *designer,
           double                  fraction)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (designer), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  double range = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  gtk_adjustment_set_value (adjustment, MAX (0, range) * fraction);
}

/* Scrolls the designer so that @widget is near the top. */
static void
scroll_to_widget (TenureScenarioDesigner *designer,
                  GtkWidget              *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (designer), GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  double x, y;

  test_settle (scroller, 2);
  g_assert_true (gtk_widget_translate_coordinates (widget, content, 0, 0, &x, &y));
  gtk_adjustment_set_value (adjustment, MAX (0, y - 120));
}

/* Runs @action_name through the designer's own key binding for @trigger ("<Alt>Down"), as
 * pressing the keys does. */
static void
press_shortcut (GtkWidget  *widget,
                const char *trigger,
                const char *action_name)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (trigger);
  gboolean pressed = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !pressed; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          g_autofree char *name = NULL;

          if (!gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted) ||
              !GTK_IS_NAMED_ACTION (action))
            continue;
          g_assert_cmpstr (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), ==,
                           action_name);
          g_assert_true (gtk_shortcut_action_activate (action, 0, widget, NULL));
          pressed = TRUE;
          break;
        }
    }
  g_assert_true (pressed);
}

static gint64
count (const char *sql)
{
  g_autoptr(TenureDb) db = open_db ();

  return tenure_db_query_int (db, sql, -1);
}

/*
 * A blank scenario (not a template) designed through the widgets only: a name, one step
 * of each kind with its title, day, required switch and "done when" rule, the mistakes a
 * new user makes refused next to the field, a step moved with Alt+Up, one deleted and
 * brought back with Ctrl+Z, the scenario activated, new Enterprise signups enrolled
 * automatically from the month's first day (then undone), and two customers enrolled by
 * hand. Screenshots of each state as onboarding-scratch-N-STATE-STYLE-SIZE.png.
 */
static void
design_from_scratch (int      width,
                     int      height,
                     gboolean dark,
                     gboolean enrol)
{
  static const struct {
    TenureStepKind  kind;
    const char     *title;
    int             day;
    gboolean        required;
    const char     *event;      /* NULL: marked by hand */
  } steps[] = {
    { TENURE_STEP_CONTENT, "Checklist: what the review covers", 0, TRUE, "session" },
    { TENURE_STEP_AUTOMATION, "Pre-filled review template", 2, TRUE, "feature_used" },
    { TENURE_STEP_TUTORIAL, "Video: reading the findings", 5, FALSE, "action" },
    { TENURE_STEP_CHECKIN, "Call with the customer success manager", 14, TRUE, "job_completed" },
  };
  static const char * const events[] = { NULL, "session", "action", "feature_used",
                                         "job_completed" };
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *suffix = g_strdup_printf ("%s-%dx%d", dark ? "dark" : "light", width, height);
  g_autoptr(TenureDb) db = open_db ();
  g_autoptr(GPtrArray) jobs = NULL;
  g_auto(GStrv) segments = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureScenario) scenario = NULL;
  g_autofree char *before_delete = NULL;
  g_autofree char *now = NULL;
  g_autofree char *name = g_strdup_printf ("Quarterly security review %s", suffix);
  TenureOnboardingPage *page;
  TenureScenarioDesigner *designer;
  TenureWindow *window;
  GtkWindow *chooser = NULL;
  ToplevelQuery query = { 0 };
  guint n_before;
  gint64 id, enterprise_since;
  guint segment_index = 0;
  char since[TENURE_DATE_BUF];

#define SHOT(widget, state) \
  G_STMT_START { \
    g_autofree char *shot_name = g_strdup_printf ("onboarding-scratch-%s-%s", state, suffix); \
    test_screenshot (GTK_WIDGET (widget), shot_name); \
  } G_STMT_END

  jobs = tenure_scenario_list_jobs (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jobs->len, >, 0);
  segments = tenure_scenario_list_segments (db, &error);
  g_assert_no_error (error);
  for (guint i = 0; segments[i] != NULL; i++)
    if (g_strcmp0 (segments[i], "Enterprise") == 0)
      segment_index = i + 1;
  g_assert_cmpuint (segment_index, >, 0);

  adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                  : ADW_COLOR_SCHEME_FORCE_LIGHT);
  window = open_onboarding (width, height, &page);
  designer = tenure_onboarding_page_get_designer (page);
  n_before = tenure_onboarding_page_get_n_scenarios (page);

  /* 0. What the user finds: the list, and a demo scenario with its measured funnel. */
  {
    g_autoptr(GPtrArray) demo = tenure_scenario_load_all (db, &error);
    g_autofree char *list_name = g_strconcat ("onboarding-list-", suffix, NULL);
    g_autofree char *designer_name = g_strconcat ("onboarding-designer-", suffix, NULL);
    gint64 demo_id;

    g_assert_no_error (error);
    demo_id = ((TenureScenario *) demo->pdata[0])->id;
    test_screenshot (GTK_WIDGET (window), list_name);
    tenure_onboarding_page_open_scenario (page, demo_id);
    assert_designer_matches (designer, demo_id);
    test_screenshot (GTK_WIDGET (window), designer_name);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "onboarding.back", NULL));
  }

  /* 1. New scenario, "Start from a blank scenario" in the chooser. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "onboarding.new", NULL));
  wait_for (chooser_shown, &chooser);
  tenure_template_chooser_choose (TENURE_TEMPLATE_CHOOSER (chooser), NULL);
  g_assert_cmpstr (tenure_onboarding_page_get_view (page), ==, "designer");
  id = tenure_scenario_designer_get_scenario_id (designer);
  g_assert_cmpint (id, !=, 0);
  g_assert_cmpuint (tenure_scenario_designer_get_n_rows (designer), ==, 0);
  SHOT (window, "1-blank");
  /* The empty list says what a step is and offers to add one. */
  {
    GtkWidget *add = nth_widget (GTK_WIDGET (tenure_scenario_designer_get_steps_list (designer)),
                                 GTK_TYPE_BUTTON, 0);

    g_assert_nonnull (add);
    g_assert_true (gtk_widget_get_mapped (add));
    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (add)), ==,
                     "designer.add-step");
  }

  /* 2. The name: empty is refused under the field, the file keeps the old one. */
  gtk_editable_set_text (tenure_scenario_designer_get_name_entry (designer), "");
  g_assert_nonnull (strstr (tenure_scenario_designer_get_name_error (designer), "needs a name"));
  wait_for (page_settled, page);
  scroll_to_widget (designer, GTK_WIDGET (tenure_scenario_designer_get_name_entry (designer)));
  SHOT (window, "2-name-error");
  g_assert_cmpstr (gtk_editable_get_text (tenure_scenario_designer_get_name_entry (designer)), ==,
                   "");
  g_assert_nonnull (tenure_scenario_designer_get_name_error (designer));
  gtk_editable_set_text (tenure_scenario_designer_get_name_entry (designer), name);
  g_assert_null (tenure_scenario_designer_get_name_error (designer));
  scenario = load (id);
  g_assert_cmpstr (scenario->name, ==, name);
  g_clear_pointer (&scenario, tenure_scenario_free);

  /* 3. Activating without a step is refused next to the switch. */
  gtk_switch_set_active (tenure_scenario_designer_get_active_switch (designer), TRUE);
  g_assert_false (gtk_switch_get_active (tenure_scenario_designer_get_active_switch (designer)));
  g_assert_nonnull (strstr (tenure_scenario_designer_get_active_error (designer),
                            "without a required step"));
  scenario = load (id);
  g_assert_false (scenario->active);
  g_clear_pointer (&scenario, tenure_scenario_free);
  scroll_to (designer, 1);
  SHOT (window, "3-activate-refused");
  scroll_to (designer, 0);

  /* 4. One step of each kind, each set through its editor. */
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      GtkDropDown *event_dropdown = tenure_scenario_designer_get_event_dropdown (designer);
      guint event = 0;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (designer), "designer.add-step",
                                                 NULL));
      g_assert_cmpuint (tenure_scenario_designer_get_n_rows (designer), ==, i + 1);
      adw_combo_row_set_selected (tenure_scenario_designer_get_kind_row (designer), steps[i].kind);
      if (i == 1)
        {
          /* An empty title: refused under the title, in plain words. */
          gtk_editable_set_text (tenure_scenario_designer_get_title_entry (designer), "  ");
          g_assert_nonnull (strstr (tenure_scenario_designer_get_step_error (designer),
                                    "needs a title"));
          wait_for (page_settled, page);
          scroll_to_widget (designer, GTK_WIDGET (tenure_scenario_designer_get_title_entry (
            designer)));
          SHOT (window, "4-title-error");
          scroll_to (designer, 0);
          /* The reload after the earlier edits keeps what was typed and the message. */
          g_assert_cmpstr (gtk_editable_get_text (tenure_scenario_designer_get_title_entry (
            designer)), ==, "  ");
          g_assert_nonnull (tenure_scenario_designer_get_step_error (designer));
        }
      gtk_editable_set_text (tenure_scenario_designer_get_title_entry (designer), steps[i].title);
      g_assert_null (tenure_scenario_designer_get_step_error (designer));
      /* A negative day cannot be entered: the day starts at 0, the enrolment day. */
      gtk_spin_button_set_value (tenure_scenario_designer_get_day_spin (designer), -3);
      g_assert_cmpint (gtk_spin_button_get_value_as_int (tenure_scenario_designer_get_day_spin (
        designer)), ==, 0);
      gtk_spin_button_set_value (tenure_scenario_designer_get_day_spin (designer), steps[i].day);
      gtk_switch_set_active (tenure_scenario_designer_get_required_switch (designer),
                             steps[i].required);
      for (guint e = 0; e < G_N_ELEMENTS (events); e++)
        if (g_strcmp0 (events[e], steps[i].event) == 0)
          event = e;
      gtk_drop_down_set_selected (event_dropdown, event);
      /* The job picker only shows for "completes a job", and offers the workspace's jobs. */
      g_assert_cmpint (gtk_widget_get_visible (GTK_WIDGET (
        tenure_scenario_designer_get_job_dropdown (designer))), ==,
                       g_strcmp0 (steps[i].event, "job_completed") == 0);
      if (g_strcmp0 (steps[i].event, "job_completed") == 0)
        gtk_drop_down_set_selected (tenure_scenario_designer_get_job_dropdown (designer), 1);
    }
  scenario = load (id);
  g_assert_cmpuint (scenario->steps->len, ==, G_N_ELEMENTS (steps));
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      TenureStep *step = g_ptr_array_index (scenario->steps, i);

      g_assert_cmpint (step->kind, ==, steps[i].kind);
      g_assert_cmpstr (step->title, ==, steps[i].title);
      g_assert_cmpint (step->day_offset, ==, steps[i].day);
      g_assert_cmpint (step->required, ==, steps[i].required);
      g_assert_cmpstr (step->done_when_event_kind, ==, steps[i].event);
      g_assert_cmpint (step->done_when_job_id, ==,
                       g_strcmp0 (steps[i].event, "job_completed") == 0
                       ? ((TenureScenarioJob *) g_ptr_array_index (jobs, 0))->id : 0);
    }
  g_clear_pointer (&scenario, tenure_scenario_free);
  g_assert_cmpuint (tenure_scenario_timeline_get_n_markers (TENURE_SCENARIO_TIMELINE (
    tenure_scenario_designer_get_timeline (designer))), ==, G_N_ELEMENTS (steps));
  scroll_to (designer, 0);
  SHOT (window, "5-steps");
  scroll_to (designer, 0.5);
  SHOT (window, "5-step-editor");

  /* 5. Alt+Up moves the selected (last) step up: it is third now. */
  tenure_scenario_designer_select_row (designer, 3);
  press_shortcut (GTK_WIDGET (designer), "<Alt>Up", "designer.move-up");
  scenario = load (id);
  g_assert_cmpstr (((TenureStep *) g_ptr_array_index (scenario->steps, 2))->title, ==,
                   steps[3].title);
  g_assert_cmpstr (((TenureStep *) g_ptr_array_index (scenario->steps, 3))->title, ==,
                   steps[2].title);
  g_clear_pointer (&scenario, tenure_scenario_free);

  /* 6. Delete it, and Ctrl+Z brings it back in its place. */
  before_delete = describe (id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (designer), "designer.delete-step",
                                             NULL));
  g_assert_cmpuint (tenure_scenario_designer_get_n_rows (designer), ==, 3);
  g_assert_nonnull (strstr (tenure_onboarding_page_get_last_toast (page), "deleted"));
  press_shortcut (GTK_WIDGET (page), "<Control>z", "onboarding.undo");
  now = describe (id);
  g_assert_cmpstr (now, ==, before_delete);
  g_assert_cmpuint (tenure_scenario_designer_get_n_rows (designer), ==, 4);

  /* 7. Activate: it has required steps now. */
  gtk_switch_set_active (tenure_scenario_designer_get_active_switch (designer), TRUE);
  g_assert_null (tenure_scenario_designer_get_active_error (designer));
  scenario = load (id);
  g_assert_true (scenario->active);
  g_clear_pointer (&scenario, tenure_scenario_free);

  if (!enrol)
    {
      close_window (window);
      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
      return;
    }

  /* 8. Automatic enrolment of new Enterprise customers, from the month's first day. */
  adw_combo_row_set_selected (tenure_scenario_designer_get_segment_row (designer), segment_index);
  query.type = ADW_TYPE_MESSAGE_DIALOG;
  wait_for (toplevel_shown, &query);
  tenure_date_format (tenure_month_first_day (DEMO_MONTH), since);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (query.found)),
                            "New Enterprise signups from 1 October 2026 are enrolled "
                            "automatically"));
  SHOT (query.found, "6-auto-enrolment");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (query.found), "enrol");
  wait_for (enrolment_done, page);
  {
    g_autofree char *sql = g_strdup_printf (
      "SELECT count(*) FROM account WHERE segment = 'Enterprise' AND "
      "  coalesce(signup_date, (SELECT min(start_date) FROM subscription "
      "    WHERE account_id = account.id)) >= '%s'", since);
    g_autofree char *enrolled_sql = g_strdup_printf (
      "SELECT count(*) FROM enrolment e JOIN account a ON a.id = e.account_id "
      "WHERE e.scenario_id = %" G_GINT64_FORMAT " AND a.segment = 'Enterprise' "
      "  AND e.started_on >= '%s'", id, since);
    gint64 expected = count (sql);
    g_autofree char *toast = NULL;

    g_assert_cmpint (expected, >, 0);
    g_assert_cmpint (count (enrolled_sql), ==, expected);
    enterprise_since = expected;
    toast = g_strdup_printf ("%" G_GINT64_FORMAT " customer", expected);
    g_assert_true (g_str_has_prefix (tenure_onboarding_page_get_last_toast (page), toast));
  }
  scenario = load (id);
  g_assert_cmpstr (scenario->auto_enrol_segment, ==, "Enterprise");
  g_clear_pointer (&scenario, tenure_scenario_free);
  scroll_to (designer, 1);
  SHOT (window, "7-enrolled");

  /* Ctrl+Z takes the enrolments back with the setting. */
  press_shortcut (GTK_WIDGET (page), "<Control>z", "onboarding.undo");
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM enrolment WHERE scenario_id = "
                                            "%" G_GINT64_FORMAT, id);

    g_assert_cmpint (count (sql), ==, 0);
  }
  scenario = load (id);
  g_assert_null (scenario->auto_enrol_segment);
  g_clear_pointer (&scenario, tenure_scenario_free);
  g_assert_cmpint (enterprise_since, >, 0);

  /* 9. Two customers by hand, through the picker. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "onboarding.enrol-accounts",
                                             NULL));
  query.type = ADW_TYPE_WINDOW;
  query.title = "Enrol Customers";
  wait_for (toplevel_shown, &query);
  wait_for (picker_loaded, query.found);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (nth_widget (GTK_WIDGET (query.found),
                                                             GTK_TYPE_CHECK_BUTTON, 0)), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (nth_widget (GTK_WIDGET (query.found),
                                                             GTK_TYPE_CHECK_BUTTON, 1)), TRUE);
  SHOT (query.found, "8-picker");
  {
    GtkWidget *header = nth_widget (GTK_WIDGET (query.found), ADW_TYPE_HEADER_BAR, 0);
    GtkWidget *enrol_button = nth_widget (header, GTK_TYPE_BUTTON, 1);
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM enrolment WHERE scenario_id = "
                                            "%" G_GINT64_FORMAT, id);

    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (enrol_button)), ==, "_Enrol 2 Customers");
    g_signal_emit_by_name (enrol_button, "clicked");
    wait_for (enrolment_done, page);
    g_assert_cmpint (count (sql), ==, 2);
    g_assert_cmpstr (tenure_onboarding_page_get_last_toast (page), ==, "2 customers enrolled");
  }

  /* The list has the new scenario, active. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "onboarding.back", NULL));
  wait_for (page_settled, page);
  g_assert_cmpuint (tenure_onboarding_page_get_n_scenarios (page), ==, n_before + 1);
  SHOT (window, "9-list");

  close_window (window);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
#undef SHOT
}

static void
test_from_scratch (void)
{
  /* The enrolment dialog and the picker are windows of their own, the same at any size:
   * once in each style. */
  static const struct { int width; int height; gboolean dark; gboolean enrol; } runs[] = {
    { 1280, 800, FALSE, TRUE }, { 800, 600, TRUE, TRUE },
    { 1280, 800, TRUE, FALSE }, { 800, 600, FALSE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    design_from_scratch (runs[i].width, runs[i].height, runs[i].dark, runs[i].enrol);
}

int
main (int   argc,
      char *argv[])
{
  TenureDemoOptions options;
  int status;

  tmpdir = test_gui_init (&argc, &argv);
  /* No blinking cursor: under Xvfb without a window manager, a dialog taking the focus
   * leaves the entry that had it blinking (GTK warns). */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

  tenure_demo_options_init (&options);
  options.end_month = DEMO_MONTH;
  demo_path = test_gui_create_demo (tmpdir, "demo.tenure", &options);

  app = test_gui_app_new (G_APPLICATION_DEFAULT_FLAGS);

  g_test_add_func ("/gui/onboarding/page", test_page);
  g_test_add_func ("/gui/onboarding/empty", test_empty);
  g_test_add_func ("/gui/onboarding/from-scratch", test_from_scratch);

  status = g_test_run ();

  test_gui_cleanup (&app, &tmpdir);
  g_free (demo_path);

  return status;
}
