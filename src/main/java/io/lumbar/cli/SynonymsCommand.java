package io.lumbar.cli;

import io.lumbar.config.CommandContext;
import io.lumbar.search.SynonymRules;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Editors' search synonyms from the command line; running servers apply changes within a second.
 */
@Command(
    name = "synonyms",
    description = {
      "List, add, change or remove search synonyms (Solr format, e.g. \"slipped disc, herniated disc\" or",
      "\"pee => pee, urinate\"). They add to index/synonyms.txt; running servers apply them within a second."
    },
    subcommands = {
      SynonymsCommand.List.class,
      SynonymsCommand.Add.class,
      SynonymsCommand.Change.class,
      SynonymsCommand.Remove.class
    })
public final class SynonymsCommand implements Runnable {
  @ParentCommand CommandContext parent;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  private abstract static class Sub implements Callable<Integer> {
    @ParentCommand SynonymsCommand synonyms;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (Backend backend = Backend.open(synonyms.parent.config(), false)) {
        run(new SynonymRules(backend.database()), spec.commandLine().getOut());
        return 0;
      }
    }

    abstract void run(SynonymRules rules, PrintWriter out);
  }

  @Command(name = "list", description = "Print the editors' rules: id, rule, last changed by.")
  static final class List extends Sub {
    @Override
    void run(SynonymRules rules, PrintWriter out) {
      rules.list().forEach(r -> out.printf("%d\t%s\t%s%n", r.id(), r.rule(), r.updatedBy()));
    }
  }

  @Command(name = "add", description = "Add a rule.")
  static final class Add extends Sub {
    @Parameters(paramLabel = "RULE")
    String rule;

    @Option(
        names = "--by",
        defaultValue = "cli",
        description = "Who to record (default: ${DEFAULT-VALUE}).")
    String actor;

    @Override
    void run(SynonymRules rules, PrintWriter out) {
      out.println("added rule " + rules.add(rule, actor).id());
    }
  }

  @Command(name = "change", description = "Replace the rule with this id.")
  static final class Change extends Sub {
    @Parameters(index = "0", paramLabel = "ID")
    long id;

    @Parameters(index = "1", paramLabel = "RULE")
    String rule;

    @Option(
        names = "--by",
        defaultValue = "cli",
        description = "Who to record (default: ${DEFAULT-VALUE}).")
    String actor;

    @Override
    void run(SynonymRules rules, PrintWriter out) {
      rules.update(id, rule, actor);
      out.println("changed rule " + id);
    }
  }

  @Command(name = "remove", description = "Remove the rule with this id.")
  static final class Remove extends Sub {
    @Parameters(paramLabel = "ID")
    long id;

    @Option(
        names = "--by",
        defaultValue = "cli",
        description = "Who to record (default: ${DEFAULT-VALUE}).")
    String actor;

    @Override
    void run(SynonymRules rules, PrintWriter out) {
      rules.delete(id, actor);
      out.println("removed rule " + id);
    }
  }
}
