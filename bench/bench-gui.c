/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Times each real page of the window from being shown (once the window settled, and
 * cold) or from a month change to its figures drawn on screen, the preloading of the
 * hidden pages, and the report export, and measures how long the main loop stays blocked
 * meanwhile. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/resource.h>
#include <time.h>

#include "tenure-application.h"
#include "tenure-metrics.h"
#include "tenure-empty-page.h"
#include "tenure-page-list.h"
#include "tenure-report-exporter.h"
#include "tenure-window-private.h"

/* The watchdog: a high-priority 10 ms timeout; each tick's lateness past its interval is
 * the time the main loop spent without dispatching (a stall). On a loaded machine a stall
 * may also be time the main thread waited for a processor: the CPU time the main thread
 * used between two ticks tells the work it did without returning to the loop. */
#define WATCHDOG_INTERVAL_MS 10
#define STALL_LIMIT_MS 100

typedef struct
{
  gint64 last_tick;
  gint64 last_cpu;
  double max_stall_ms;
  double max_cpu_ms;     /* the main thread's CPU time between two ticks, at most */
  guint n_stalls;
} Watchdog;

static Watchdog watchdog;

/* The CPU time the calling thread used, in microseconds. */
static gint64
thread_cpu_time (void)
{
  struct timespec now;

  if (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now) != 0)
    return 0;

  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static gboolean
watchdog_tick_cb (gpointer user_data)
{
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_time ();
  double late = (now - watchdog.last_tick) / 1000.0 - WATCHDOG_INTERVAL_MS;
  double busy = (cpu - watchdog.last_cpu) / 1000.0;

  if (late > watchdog.max_stall_ms)
    watchdog.max_stall_ms = late;
  if (busy > watchdog.max_cpu_ms)
    watchdog.max_cpu_ms = busy;
  if (late > STALL_LIMIT_MS)
    watchdog.n_stalls++;
  watchdog.last_tick = now;
  watchdog.last_cpu = cpu;

  return G_SOURCE_CONTINUE;
}

/* Starts a new measured phase (also after work the bench itself does on the main thread). */
static void
watchdog_reset (void)
{
  watchdog.last_tick = g_get_monotonic_time ();
  watchdog.last_cpu = thread_cpu_time ();
  watchdog.max_stall_ms = 0;
  watchdog.max_cpu_ms = 0;
  watchdog.n_stalls = 0;
}

/* Takes into account a stall still running at the end of a phase. */
static void
watchdog_finish (void)
{
  watchdog_tick_cb (NULL);
}

/* The watchdog's figures for one phase of the bench. */
typedef struct
{
  double stall_ms;
  double cpu_ms;
  guint  n_stalls;
} Phase;

static void
phase_finish (Phase *phase)
{
  watchdog_finish ();
  phase->stall_ms = watchdog.max_stall_ms;
  phase->cpu_ms = watchdog.max_cpu_ms;
  phase->n_stalls = watchdog.n_stalls;
}

static double
peak_rss_mib (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return -1;

  return usage.ru_maxrss / 1024.0;
}

static gboolean
wait_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Iterates the main loop until @predicate holds; FALSE after @timeout_s seconds. */
static gboolean
wait_for (gboolean (*predicate) (gpointer),
          gpointer   data,
          double     timeout_s)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) (timeout_s * G_USEC_PER_SEC);
  guint source = g_timeout_add (50, wait_cb, NULL);

  while (!predicate (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (source);

  return predicate (data);
}

static gboolean
window_idle (gpointer data)
{
  return !tenure_window_get_loading (data);
}

static gboolean
window_settled (gpointer data)
{
  return tenure_window_get_settled (data);
}

static gboolean
page_ready (gpointer data)
{
  return tenure_page_is_ready (data);
}

static gboolean
widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

/* Waits for @page to be ready, then for the next frame the window paints: the figures
 * are then on screen. Returns the milliseconds since @start, or -1 on timeout. */
static double
wait_drawn (GtkWidget  *window,
            TenurePage *page,
            gint64      start)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gboolean painted = FALSE;
  gulong handler;

  if (!wait_for (page_ready, page, 600))
    return -1;

  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (window);
  wait_for (flag_set, &painted, 10);
  g_signal_handler_disconnect (clock, handler);

  return (g_get_monotonic_time () - start) / 1000.0;
}

static TenurePage *
find_page (TenureWindow *window,
           const char   *name)
{
  return TENURE_PAGE (gtk_stack_get_child_by_name (window->pages_stack, name));
}

/* TENURE_BENCH_PAGES, when set, names the pages to time (and "export"), space-separated. */
static gboolean
page_wanted (const char *name)
{
  const char *wanted = g_getenv ("TENURE_BENCH_PAGES");
  g_auto(GStrv) names = NULL;

  if (wanted == NULL || *wanted == '\0')
    return TRUE;

  names = g_strsplit_set (wanted, " ,", -1);
  return g_strv_contains ((const char * const *) names, name);
}

typedef struct
{
  gboolean done;
  GError  *error;
} Export;

static void
export_finished_cb (TenureReportExporter *exporter,
                    GFile                *file,
                    const GError         *error,
                    Export               *export)
{
  export->done = TRUE;
  if (error != NULL)
    export->error = g_error_copy (error);
}

static gboolean
export_done (gpointer data)
{
  return ((Export *) data)->done;
}

/* Writes the report of the month shown as “Export Report…” does, to a temporary file:
 * the time to write it, the longest stall meanwhile, and the CPU time the main thread
 * spent during the export (progress updates included). */
static void
export_report (TenureWindow *window)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tenure-bench-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  Export export = { FALSE, NULL };
  gulong handler;
  gint64 start, cpu_start;
  double elapsed, cpu;
  GStatBuf st;

  if (dir == NULL)
    {
      fprintf (stderr, "export: %s\n", error->message);
      return;
    }
  path = g_build_filename (dir, "report.xlsx", NULL);
  file = g_file_new_for_path (path);

  wait_for (window_idle, window, 600);
  handler = g_signal_connect (window->exporter, "finished", G_CALLBACK (export_finished_cb),
                              &export);
  watchdog_reset ();
  start = g_get_monotonic_time ();
  cpu_start = thread_cpu_time ();
  tenure_window_export_report_to (window, file);
  wait_for (export_done, &export, 1200);
  elapsed = (g_get_monotonic_time () - start) / 1000.0;
  cpu = (thread_cpu_time () - cpu_start) / 1000.0;
  watchdog_finish ();
  g_signal_handler_disconnect (window->exporter, handler);

  if (!export.done || export.error != NULL)
    printf ("report export: failed (%s)\n",
            export.error != NULL ? export.error->message : "timed out");
  else
    printf ("report export: %.1f ms, %.1f KiB; longest main-loop stall %.1f ms (cpu %.1f ms), "
            "%u stalls > %d ms; main thread busy %.1f ms in all\n", elapsed,
            g_stat (path, &st) == 0 ? st.st_size / 1024.0 : -1.0, watchdog.max_stall_ms,
            watchdog.max_cpu_ms, watchdog.n_stalls, STALL_LIMIT_MS, cpu);
  g_clear_error (&export.error);
  g_remove (path);
  g_rmdir (dir);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The baseline: the core alone computing what the pages load (the month with its
 * 13-month series), in this process, best of @rounds. */
static double
core_baseline (const char *path,
               int         month,
               guint       rounds)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureDb) db = tenure_db_open (path, TENURE_DB_OPEN_READ_ONLY, &error);
  double best = -1;

  if (db == NULL)
    return -1;

  for (guint r = 0; r < rounds; r++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(TenureMetrics) metrics = NULL;
      double elapsed;

      metrics = tenure_metrics_compute_with_series (db, month - (int) (r % 2), 13, NULL, NULL,
                                                    NULL, NULL, &error);
      if (metrics == NULL)
        return -1;
      elapsed = (g_get_monotonic_time () - start) / 1000.0;
      if (best < 0 || elapsed < best)
        best = elapsed;
    }

  return best;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(TenureApplication) app = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  const TenurePageInfo *infos;
  TenureWorkspace *workspace;
  GtkWidget *window;
  guint n_infos;
  guint rounds = 5;
  double baseline;
  int last_month;
  int month;

  if (argc < 2 || argc > 3)
    {
      fprintf (stderr, "Usage: %s WORKSPACE [ROUNDS]\n", argv[0]);
      return 2;
    }
  if (argc == 3)
    rounds = (guint) MAX (1, g_ascii_strtoull (argv[2], NULL, 10));

  gtk_init ();
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  app = tenure_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  window = GTK_WIDGET (tenure_window_new (GTK_APPLICATION (app)));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (widget_mapped, window, 30);

  g_timeout_add_full (G_PRIORITY_HIGH, WATCHDOG_INTERVAL_MS, watchdog_tick_cb, NULL, NULL);

  file = g_file_new_for_commandline_arg (argv[1]);
  watchdog_reset ();
  tenure_window_open_file (TENURE_WINDOW (window), file);
  wait_for (window_idle, window, 600);
  watchdog_finish ();
  printf ("opening the workspace: longest main-loop stall %.1f ms (cpu %.1f ms), "
          "%u stalls > %d ms\n", watchdog.max_stall_ms, watchdog.max_cpu_ms, watchdog.n_stalls,
          STALL_LIMIT_MS);
  workspace = tenure_window_get_workspace (TENURE_WINDOW (window));
  if (workspace == NULL)
    {
      fprintf (stderr, "%s: cannot open the workspace\n", argv[1]);
      return 1;
    }
  last_month = month = tenure_workspace_get_month (workspace);

  baseline = core_baseline (tenure_workspace_get_path (workspace), month, rounds);
  printf ("core alone (tenure_metrics_compute_with_series, best of %u): %.1f ms\n", rounds,
          baseline);
  printf ("%-14s %4s %8s %7s %6s | %8s %7s %6s | %8s %8s %7s %6s | %8s %7s %6s | %5s\n",
          "page", "pre", "show", "stall", "cpu", "cold", "stall", "cpu", "month", "max",
          "stall", "cpu", "settle", "stall", "cpu", "> 100");
  infos = tenure_page_list_get (&n_infos);
  for (guint i = 0; i < n_infos; i++)
    {
      g_autofree double *times = g_new0 (double, rounds);
      const char *base = g_str_equal (infos[i].name, "imports") ? "overview" : "imports";
      TenurePage *page, *base_page;
      Phase show, cold, changes, settle;
      double show_ms, cold_ms, settle_ms;
      gboolean preloaded, cold_preloaded;
      gint64 start;

      if (infos[i].get_type == tenure_empty_page_get_type || !page_wanted (infos[i].name))
        continue;

      /* From another page, the month changes: the page shown reloads, then the window
       * preloads the hidden pages (settle: until nothing is left to preload, with the
       * longest stall meanwhile). */
      tenure_window_show_page (TENURE_WINDOW (window), base);
      base_page = tenure_window_get_visible_page (TENURE_WINDOW (window));
      wait_drawn (window, base_page, g_get_monotonic_time ());
      month = month == last_month ? last_month - 1 : last_month;
      tenure_workspace_set_month (workspace, month);
      wait_drawn (window, base_page, g_get_monotonic_time ());
      watchdog_reset ();
      start = g_get_monotonic_time ();
      wait_for (window_settled, window, 600);
      settle_ms = (g_get_monotonic_time () - start) / 1000.0;
      phase_finish (&settle);

      /* Showing the page after the window settled: preloaded, unless loads are slow. */
      page = find_page (TENURE_WINDOW (window), infos[i].name);
      preloaded = tenure_page_is_ready (page);
      watchdog_reset ();
      start = g_get_monotonic_time ();
      tenure_window_show_page (TENURE_WINDOW (window), infos[i].name);
      show_ms = wait_drawn (window, page, start);
      phase_finish (&show);

      /* Then the month before and back, as the header bar's arrows do. */
      watchdog_reset ();
      for (guint r = 0; r < rounds; r++)
        {
          start = g_get_monotonic_time ();
          month = month == last_month ? last_month - 1 : last_month;
          tenure_workspace_set_month (workspace, month);
          times[r] = wait_drawn (window, page, start);
        }
      phase_finish (&changes);
      qsort (times, rounds, sizeof (double), compare_doubles);

      /* Cold: back on the other page, the month changes, and the page is shown as soon
       * as the other one is drawn, before preloading reached it. */
      tenure_window_show_page (TENURE_WINDOW (window), base);
      wait_drawn (window, base_page, g_get_monotonic_time ());
      month = month == last_month ? last_month - 1 : last_month;
      tenure_workspace_set_month (workspace, month);
      wait_drawn (window, base_page, g_get_monotonic_time ());
      cold_preloaded = tenure_page_is_ready (page);
      watchdog_reset ();
      start = g_get_monotonic_time ();
      tenure_window_show_page (TENURE_WINDOW (window), infos[i].name);
      cold_ms = wait_drawn (window, page, start);
      phase_finish (&cold);

      printf ("%-14s %4s %8.1f %7.1f %6.1f | %8.1f %7.1f %6.1f | %8.1f %8.1f %7.1f %6.1f | "
              "%8.1f %7.1f %6.1f | %5u\n",
              infos[i].name, preloaded ? "yes" : "no", show_ms, show.stall_ms, show.cpu_ms,
              cold_ms, cold.stall_ms, cold.cpu_ms, times[rounds / 2], times[rounds - 1],
              changes.stall_ms, changes.cpu_ms, settle_ms, settle.stall_ms, settle.cpu_ms,
              show.n_stalls + cold.n_stalls + changes.n_stalls + settle.n_stalls);
      if (cold_preloaded)
        printf ("  (%s was preloaded before its cold show: the measure is not cold)\n",
                infos[i].name);
      fflush (stdout);
    }

  if (page_wanted ("export"))
    export_report (TENURE_WINDOW (window));

  printf ("peak RSS: %.1f MiB\n", peak_rss_mib ());

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  return 0;
}
