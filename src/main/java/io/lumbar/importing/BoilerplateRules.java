package io.lumbar.importing;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises page furniture that web captures drag along with an article (menus, shop banners,
 * comment forms, footers...). Rules are tried in order on the normalised paragraph; the first match
 * names the reason. Each rule has a length cap because boilerplate is short: a long paragraph that
 * happens to contain "privacy policy" or "guarantee" is far more likely to be real content.
 */
final class BoilerplateRules {

  private record Rule(String reason, int maxChars, Pattern pattern) {}

  private static final String MONTH = "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?";
  // A clinical or academic degree after a writer's name: "A. Writer, DPT".
  // Written with or without stops between the letters ("D.O.", "MD").
  private static final String DEGREE =
      "(M\\.?D|D\\.?O|Ph\\.?D|D\\.?C|DPT|PT|RN|NP|PA-C|MPH|MBBS|FRCS|DNP|MSN)";
  private static final String DATE =
      "(\\d{4}-\\d{2}-\\d{2}|\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b|\\b"
          + MONTH
          + " \\d{1,2},? \\d{4}\\b|\\b\\d{1,2} "
          + MONTH
          + " \\d{4}\\b)";
  private static final String LEGAL_LINK =
      "(privacy (policy|notice|preferences|settings|cent(er|re))"
          + "|terms (of (use|service)|and conditions|& conditions)|cookie (policy|settings|preferences)"
          + "|do not sell my personal information)";

  private static final List<Rule> RULES =
      List.of(
          // Accessibility links and menu toggles.
          ci(
              "navigation",
              80,
              "^(skip|jump) to (the )?(main )?(content|navigation|menu|search|footer)\\b"),
          // A contents box's own line: "Jump to <the part you need>:".
          ci("navigation", 60, "^jump to\\b[^.!?]*:$"),
          ci(
              "navigation",
              80,
              "^((main|primary|site) )?(menu|navigation)$|^(toggle|open|close) (the )?(navigation|menu)$"),
          // The link that scrolls the page back up, left in the copy after each section.
          ci("navigation", 30, "^((back|go|return|scroll) )?to (the )?top( of (the )?page)?[.!]?$"),
          // The anchors a site builder leaves at the page's two edges: "top of page".
          ci("navigation", 20, "^(top|bottom) of (the )?page$"),
          // Breadcrumbs and pipe menus start at Home.
          ci("navigation", 200, "^home ?([|>»›/] ?[^|>»›/]{1,40})+$"),
          // The same trail copied without its separators: "Home" run into the next crumb.
          cs("navigation", 200, "^Home(?=\\p{Lu}\\p{Ll})[^.!?]*$"),
          // What a page tells a browser without scripts, not its reader.
          ci(
              "browser notice",
              200,
              "\\b(please )?(enable|turn on) javascript\\b|\\byour browser does not support\\b"),

          // Discount banners: a percentage off or a deadline.
          ci(
              "sale banner",
              200,
              "\\b\\d{1,3} ?% off\\b(?!-)|\\b(black friday|cyber monday|flash sale"
                  + "|ends (tonight|today|soon|at midnight)|today only|limited[- ]time (offer|only|deal)"
                  + "|(promo|coupon|discount) code|free shipping on (all )?orders)\\b"),
          // Shop trust badges are a few words with no sentence punctuation.
          ci(
              "shop guarantee",
              50,
              "^(?!.*[.?]$).*\\b(money[- ]back|guarantee[ds]?|shipping"
                  + "|(secure|ssl|encrypted) (checkout|payment)|checkout page|24 ?/ ?7"
                  + "|(easy|free|hassle[- ]free) returns|ready to help you)\\b"),
          ci(
              "comment form",
              120,
              "^(leave a (comment|reply)|post a comment|add a comment|write a comment"
                  + "|cancel reply|join the (discussion|conversation)|comments?( \\(\\d+\\))?"
                  + "|\\d+ (comments?|responses?|replies))$"),
          ci(
              "comment form",
              300,
              "^your email( address)? will not be published\\b|\\brequired fields are marked\\b"
                  + "|^save my name, email\\b|^notify me of (follow-up comments|new posts)\\b"),

          // Legal links at the start of a line or in a pipe-separated footer menu, not prose about
          // privacy.
          ci("legal footer", 300, "(^|\\| ?)" + LEGAL_LINK + "\\b"),
          ci(
              "legal footer",
              400,
              "©|\\(c\\) ?\\d{4}|\\bcopyright (\\(c\\) )?\\d{4}|\\ball rights reserved\\b"),
          ci(
              "legal footer",
              500,
              "^(use of|by (using|accessing)) this (web ?)?site\\b"
                  + "|\\b(does|do|is) not (provide|constitute|replace|intended to provide) (medical|professional|legal) advice\\b"),
          ci(
              "location finder",
              80,
              "^(?!.*\\.$).*(\\b(find|locate|search for) ((a|an|the|our|your) )?"
                  + "((nearest|closest|local) )?(location|clinic|office|store|practice)s?\\b"
                  + "|\\b(location|clinic|office|store|practice|provider|therapist|doctor)s? near (you|me)\\b)"),

          // A date next to "by", or "By" followed by nothing but a capitalised name.
          ci("byline", 150, "^(?=.*\\bby\\b).*" + DATE),
          ci(
              "byline",
              80,
              "^(published|posted|updated|last updated|last reviewed|reviewed)( on)?:? " + DATE),
          cs(
              "byline",
              60,
              "^(?i:(written |posted |reviewed |medically reviewed )?by:? )((?i:dr|mr|mrs|ms|prof)\\.? )?"
                  + "\\p{Lu}[\\p{L}.'-]*( \\p{Lu}[\\p{L}.'-]*){0,3}$"),
          // A review credit naming a board or team: "Reviewed by the Medical Review Team."
          cs(
              "byline",
              100,
              "^(?i:(written|reviewed|medically reviewed|fact[- ]checked|edited) by:? )(?i:the )?"
                  + "\\p{Lu}[\\p{L}.'-]*( (\\p{Lu}[\\p{L}.'-]*|of|and|&)){0,6}\\.?$"),
          // An author box: "By" a name with a clinical or academic degree, then the writer's
          // career; an article's sentence does not open with its writer's degree.
          cs(
              "byline",
              700,
              "^(?i:by) ((?i:dr|mr|mrs|ms|prof)\\.? )?\\p{Lu}[\\p{L}.'-]*( \\p{Lu}[\\p{L}.'-]*){0,3},? "
                  + DEGREE
                  + "\\b"),
          // The writer alone on a line with a clinical or academic degree: "Dr. A. Writer, DC".
          cs(
              "byline",
              60,
              "^((?i:dr|prof)\\.? )?\\p{Lu}[\\p{L}.'-]*( \\p{Lu}[\\p{L}.'-]*){1,3},? "
                  + DEGREE
                  + "\\.?(,? "
                  + DEGREE
                  + "\\.?)*$"),
          // The writer's name alone with a doctor's or professor's title, as a list item or line
          // of its own ("Dr. A. Writer").
          cs(
              "byline",
              50,
              "^([-•*] )?(Dr|DR|Prof|PROF)(\\. ?| )\\p{Lu}[\\p{L}.'-]*( \\p{Lu}[\\p{L}.'-]*){0,3}$"),
          // The writer introducing themselves by name and role ("I'm <Name>, a <role> ...", "My
          // name is <Name> - the <role> ...") and pointing to their own published work ("My book
          // ...").
          cs(
              "about the writer",
              500,
              "^(?i:(hi|hello),? )?(?i:i'm|i am|my name is) \\p{Lu}[\\p{L}.'-]*( \\p{Lu}[\\p{L}.'-]*)*"
                  + "(, | - )(?i:a|an|the)\\b"),
          // A video's host greeting the viewer and naming themselves: "Hello, this is <Name> from
          // <Practice> ...".
          cs(
              "about the writer",
              400,
              "^(?i:hey|hi|hello)\\b[^.!?]{0,20}[,.!?] (?i:it's|this is|i'm) \\p{Lu}\\p{L}+( \\p{Lu}\\p{L}+)*"
                  + " (?i:here )?(?i:from|with|at) \\p{Lu}"),
          ci(
              "about the writer",
              400,
              "^my (new |latest |recent |upcoming )?(books?|e-?books?|features?|columns?|podcasts?"
                  + "|newsletters?)\\b"),
          // The writer's biography under a byline: a titled person and their qualifications.
          cs(
              "byline",
              800,
              "^(?i:dr|prof)\\.? \\p{Lu}[\\p{L}'-]+ (is|has been|was) (a |an )?(board[- ]certified"
                  + "|fellowship[- ]trained|(assistant |associate )?professor of)\\b"),
          // A date on its own line: the page dating itself (a post's date under its title).
          ci("page metadata", 40, "^" + DATE + "$"),
          // A site's dateline with the weekday ("Friday, 3 May 2024"): today's date in its bar.
          ci(
              "page metadata",
              50,
              "^(monday|tuesday|wednesday|thursday|friday|saturday|sunday),? " + DATE + "$"),
          // The same record with its label and value on lines of their own: "Last reviewed" over
          // "March 2021", "Written and/or edited by" over the names.
          ci(
              "page metadata",
              60,
              "^((last )?(updated|reviewed|modified)( on)?|"
                  + MONTH
                  + " \\d{4}"
                  + "|(written|contributed|updated|reviewed|edited)( (and|or|and/or) (written|contributed|updated"
                  + "|reviewed|edited))? by)$"),
          // The page's own record of itself: labels with their values ("Last updated:", "Tags:").
          ci(
              "page metadata",
              300,
              "^(last updated|updated|update|last reviewed|published|posted|categories|category|tags|topics"
                  + "|filed under|posted in|this (article|page|post) was (contributed|written|reviewed|updated)"
                  + " by)( on| by)? ?:"),
          // A video player's caption: what is playing or comes next, as a title.
          ci("video caption", 100, "^(now playing|playing now|up next)\\b[^.!?]*$"),
          cs(
              "video caption",
              100,
              "^(?i:playing):? \\p{Lu}\\S*( (\\p{Lu}\\S*|a|an|the|of|to|for|and|in|on|at|with))*$"),
          ci(
              "reading time",
              60,
              "^((reading|read) time:? )?(about |approx\\.? |~ ?)?\\d+ ?(min(ute)?s?|m)"
                  + "(,? (and )?\\d+ ?(sec(ond)?s?|s))?( read| reading time)?$"),
          // A post's record line: its reading time beside a date or a name.
          ci("byline", 150, "\\b\\d{1,2} ?min(ute)?s? read\\b"),

          // The page asking how it did: a widget under the article, not part of it.
          ci(
              "feedback prompt",
              80,
              "^((was|is|did|does) (this|the|our) (page|article|post|information|content|answer"
                  + "|guide)( \\w+){0,2} (helpful|useful|help( you)?)|did you find (this|it|what you were looking for)\\b.*"
                  + "|how (helpful|useful) (was|is) (this|the|our)\\b.*)\\?*( ?(yes|no)( ?[/|] ?| )?(yes|no)?)?$"),
          // The site's search box and its label.
          ci("navigation", 40, "^(search( (this|the|our) (web)?site)?|search for)[:.]?$"),
          // Counts the page keeps of itself.
          ci("page metadata", 30, "^\\d[\\d,.]*k? (shares|likes|views|reads)$"),
          // The site's note on who checks its pages: "reviewed regularly by our clinical team".
          ci(
              "byline",
              200,
              "\\b(reviewed|checked|written|approved|updated)( regularly| annually| yearly)? by our"
                  + " (clinical|medical|editorial|expert|content)\\b"),

          // A letter's close: the writer signs off ("Kind regards,"), adds a postscript, or hopes
          // it helped. The article has ended above it.
          ci(
              "sign-off",
              40,
              "^(yours (sincerely|truly|faithfully)|sincerely( yours)?|(kind|best|warm|warmest)"
                  + " (regards|wishes)|regards|cheers|with (love|gratitude|thanks)|(thanks|thank you) for reading"
                  + "|until next time|(i )?hope (this|these|that|it) (helps?|helped)\\b.*)[,.!]?$"),
          ci("sign-off", 300, "^p\\.? ?s(\\.|:|\\.:| -)\\s*\\S"),

          // A patient's review: a quotation signed with a first name and at most an initial ("–
          // Sam K."). An expert quoted in an article is named in full, with what they do.
          cs(
              ProviderVoice.REVIEWS,
              600,
              "^[\"“].{20,}[\"”]\\s*[-–—]\\s*\\p{Lu}\\p{Ll}+( \\p{Lu}\\.?)?$"),
          // Star ratings and review counts.
          ci(
              "rating",
              80,
              "[★☆]{3,}|^\\d(\\.\\d)? ?(/ ?5|out of 5|stars?)\\b|\\b\\d[\\d,]* (reviews|ratings)\\b"),
          // The site's notice about its cookies, and the buttons that answer it.
          ci(
              "cookie notice",
              400,
              "\\b(we|this (web)?site|our (web)?site) uses? cookies\\b|\\buse of cookies\\b"
                  + "|^(accept|reject|allow|decline) (all( cookies)?|cookies)$"),
          // The writer's box under the article.
          ci("byline", 400, "^about the (author|writer|reviewer|expert)s?\\b"),
          // The writer's biography: a person introduced by their trade and experience.
          cs(
              "byline",
              400,
              "^((?i:dr|prof)\\.? )?\\p{Lu}\\p{Ll}+( \\p{Lu}\\p{Ll}+)? (is|has been) (a|an|the) "
                  + "[^.!?]{0,60}\\b(?i:physiotherapist|physical therapist|chiropractor|osteopath"
                  + "|writer|editor|journalist|trainer|surgeon|physician|nurse|doctor)\\b"
                  + "[^.!?]{0,120}\\b(?i:years|experience|qualified|graduated|specialises|specializes"
                  + "|enjoys (treating|helping|working))\\b"),
          // The practice on its own terms: what it accepts, who its team is, that it is there to
          // help. Articles speak of the condition; "our" here is the practice, not people.
          ci(
              ProviderVoice.REASON,
              300,
              "^we (accept|bill|work with|welcome)\\b[^.!?]*\\b(insurance|insurers|plans|payments?|cards"
                  + "|referrals|new patients|walk-ins)\\b"
                  + "|^our (experienced|friendly|dedicated|expert|caring|skilled|knowledgeable|professional)"
                  + " (team|staff|therapists|physiotherapists|doctors|clinicians|practitioners|chiropractors)\\b"
                  + "|\\b(our|we)\\b[^.!?]*\\b(here|happy|glad|ready) to (help|answer|assist)\\b"
                  + "|^our (team|staff|clinicians|therapists|physiotherapists|doctors|practitioners"
                  + "|chiropractors|clinic|practice) (has|have) (helped|treated|seen|cared for)\\b"
                  // "We make it simple to ...": a service selling its ease.
                  + "|^we make it (easy|simple|quick|effortless)\\b"),
          // What the reader's insurance pays for: the practice's billing, asked or answered.
          ci(
              ProviderVoice.REASON,
              500,
              "^(does|will|is|are) (my |your )?(health )?insurance\\b[^?]*\\?$"
                  + "|\\binsurance (plans?|carriers|providers|companies)\\b[^.!?]*\\b(cover|accept(ed)?"
                  + "|in-network)\\b"),
          // What a visit costs: a price for a session, an assessment or a class.
          ci(
              "pricing",
              300,
              CallToAction.PRICE
                  + "(?=.*\\b(session|assessment|appointment|consultation|visit|exam|class)s?\\b)"
                  + "|\\b(session|assessment|appointment|consultation|visit|exam|class)s?\\b.*"
                  + CallToAction.PRICE),

          // Links to other pages whose anchor text survived the capture.
          ci("link teaser", 120, "^(to )?" + CallToAction.MORE + "( about [^.!?]*)?[.!:]?$"),
          // "More information about X is also available:" over the names of other sources.
          ci(
              "link teaser",
              600,
              "^(more )?information (about|on) [^.!?:]{1,80} (is|are|may be) (also )?available\\b"),
          // The page's summary of itself, written to be shown in search results and link cards:
          // "Struggling with X? Discover the best ...". Articles state; a blurb invites.
          ci("page summary", 300, "(^|[.?!] )discover\\b"),
          // A question to the reader, then the page's promise: "Is it X? Explore the best ...".
          ci("page summary", 300, "^[^.!?]{5,120}\\? (explore|learn|find out|read on to learn)\\b"),
          // A practice's tagline: how long it has served its town.
          ci(
              ProviderVoice.REASON,
              160,
              "\\b(serving|trusted|caring for|helping|family[- ](owned|run)|proudly|established)\\b"
                  + ".*\\bsince (1[89]|20)\\d\\d\\.?$"),
          // What a visit is: how long it lasts, that no referral is needed.
          ci(
              ProviderVoice.REASON,
              300,
              "^(the |an |your |each )?(initial |first |follow-up |new patient )?(consultation|appointment"
                  + "|assessment|visit|exam)s? (is|are|lasts?|takes?|runs?) (about |around |roughly"
                  + " |up to )?\\d+(-\\d+)? ?(minutes|mins|min|hours?)\\b"
                  + "|^you (do not|don't|won't) need a (gp |doctor's )?referral\\b"),
          // A writer's or clinician's career in a line: "Over 15 years in sports care ...".
          ci("about the writer", 400, "^(more than|over|almost|nearly) \\d+ years (in|of|as)\\b"),
          // Opening hours: a day or a range of days with times.
          ci(
              "opening hours",
              80,
              "^((opening|office|clinic|business) hours:?|((mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?"
                  + "( ?(-|–|to|&) ?(mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?)?:? ?\\d{1,2}(:\\d\\d)?"
                  // A time of day, or a range of hours: "Monday: 20 minutes" is a plan, not hours.
                  + "( ?(am|pm)\\b| ?(-|–|to) ?\\d{1,2}(:\\d\\d)? ?(am|pm)?)))"),
          // A site's own pages: where the reader goes next, the shop's cart, the footer's links.
          ci(
              "navigation",
              40,
              "^((previous|next|older|newer) (article|post|page|story|entry)|back to (blog|news|articles"
                  + "|all posts|home)|close|((your|my|shopping) )?(cart|basket|bag)( \\(\\d*\\))?|my account|sitemap"
                  + "|accessibility( statement)?|select an article|(font|text) size|print( this)?( page| article)?)$"),
          // A site's strapline over its articles: "Tips and stories for ... from <Site>".
          cs(
              "page summary",
              100,
              "^(?i:(articles|guides|tips|stories|news|advice)( (and|&) (articles|guides|tips|stories|news"
                  + "|advice))?) [^.!?]{0,50}\\b(?i:from) \\p{Lu}\\S*( \\S+){0,4}$"),
          // An icon's or a loader's name left alone on a line: one lower-case word.
          cs("fragment", 20, "^\\p{Ll}{3,}$"),
          ci("page metadata", 60, "^(posted|filed) (in|under) [^.!?]{1,40}$"),
          ci("rating", 80, "^rated \\d(\\.\\d)? ?(/ ?5|out of 5)\\b"),
          // The practice's address and the towns it serves: a state and ZIP code ("OH 43004"), or
          // "serving" a list of places.
          cs(ProviderVoice.REASON, 300, "\\b\\p{Lu}{2},? \\d{5}(-\\d{4})?\\b"),
          // A short line that ends in the practice's town and state ("... · Springfield, OH").
          cs(ProviderVoice.REASON, 80, "\\p{Lu}[\\p{L}.]+, \\p{Lu}{2}$"),
          cs(
              ProviderVoice.REASON,
              300,
              "\\b(?i:(proudly |gladly )?serving( the)?) (\\p{Lu}[\\p{L}.]*,? ){2,}(and |& )\\p{Lu}"),
          // An icon's name left in the copy ("arrow-right"): a lower-case hyphenated token alone.
          cs("fragment", 30, "^\\p{Ll}+(-\\p{Ll}+)+$"),
          ci(
              "link teaser",
              80,
              "^(read more|continue reading|keep reading|related (posts|articles|content|reading|stories|topics)"
                  + "|you (may|might) also (like|enjoy)|recommended (for you|reading|articles|posts|topics)"
                  + "|more from [^.!?]*|see also|(further|additional|suggested|recommended) reading|(more |helpful |useful |other )?resources"
                  + "|useful links|looking for more|most (read|popular|viewed|shared)|trending( now)?|top stories"
                  + "|more on this (story|topic)|editor'?s picks)[.:!?]?$"),
          // An advertisement's label, and the line that says the story goes on past it.
          ci(
              "advertisement",
              60,
              "^(advertisement|advertising|sponsored( content)?|ad"
                  + "|(the )?(story|article) continues (below|after)( (this )?(advertisement|ad))?"
                  + "|continue reading (below|after (the|this) (advertisement|ad)))[.:]?$"),
          ci("reference list", 600, "^\\[\\d{1,3}\\] ?\\S"),
          // A citation in a bulleted list: a web address together with the year it was published or
          // read.
          ci(
              "reference list",
              400,
              "^([-•*] )?[^\\n]*(https?://|\\bdoi:)\\S+[^\\n]*\\b(19|20)\\d{2}\\b[^\\n]*$"
                  + "|^([-•*] )?[^\\n]*\\b(19|20)\\d{2}\\b[^\\n]*(https?://|\\bdoi:)\\S+[^\\n]*$"),
          ci("reference list", 40, "^(references|sources|bibliography|works cited|citations):?$"),
          // A journal citation in Vancouver style: "Surname AB, Other C: Title. J Abbrev
          // VOL(ISSUE):PAGE-PAGE, YEAR" (authors with initials, then volume, a page range, year).
          cs(
              "reference list",
              400,
              "^([-•*] )?\\S+ \\p{Lu}{1,3}(, \\S+ \\p{Lu}{1,3})*(,? et al)?[,:.] "
                  + "(?=.*\\b\\d{1,4}(\\(\\d{1,3}\\))?: ?\\d+-\\d+\\b)(?=.*\\b(19|20)\\d{2}\\b)"),
          // "12. Smith, John. Title. Journal, 2019." needs a year and a publication marker, unlike
          // a numbered tip.
          cs(
              "reference list",
              600,
              "^\\d{1,3}\\. \\p{Lu}[\\p{L}'-]+, \\p{Lu}(?=.*\\b(19|20)\\d{2}\\b)"
                  + "(?=.*(?i:\\bet al\\b|\\bdoi\\b|\\bjournal\\b|\\bpress\\b|\\bpublish|\\bed\\.|\\bvol\\.|\\bpp\\.|https?://))"));

  private static final double MOSTLY_FURNITURE = 0.75;
  private static final Pattern EMPHASIS = Pattern.compile("\\*\\*|__");

  private BoilerplateRules() {}

  /** The reason the paragraph is boilerplate, or empty when it may be real content. */
  static Optional<String> reasonFor(String paragraph) {
    String text = normalized(paragraph);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> whole = firstRule(text);
    if (whole.isPresent() || paragraph.strip().indexOf('\n') < 0) {
      return whole;
    }
    // A block whose lines are furniture of one kind (a list of citations, the odd one without an
    // address) is that
    // furniture.
    String reason = null;
    String[] lines = paragraph.strip().split("\n");
    int furniture = 0;
    for (String line : lines) {
      String lineReason = firstRule(normalized(line)).orElse(null);
      if (lineReason != null && reason != null && !reason.equals(lineReason)) {
        return Optional.empty();
      }
      if (lineReason != null) {
        reason = lineReason;
        furniture++;
      }
    }
    return furniture >= MOSTLY_FURNITURE * lines.length
        ? Optional.ofNullable(reason)
        : Optional.empty();
  }

  /**
   * The text as the rules read it: folded, and without the emphasis marks of Markdown that a page
   * shows as written ("**Sources:**").
   */
  private static String normalized(String text) {
    return TextNormalizer.normalize(EMPHASIS.matcher(text).replaceAll(""));
  }

  private static Optional<String> firstRule(String text) {
    for (Rule rule : RULES) {
      if (text.length() <= rule.maxChars() && rule.pattern().matcher(text).find()) {
        return Optional.of(rule.reason());
      }
    }
    return Optional.empty();
  }

  private static Rule ci(String reason, int maxChars, String regex) {
    return new Rule(
        reason, maxChars, Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
  }

  // Case-sensitive, for rules that rely on capitalisation (names, author initials).
  private static Rule cs(String reason, int maxChars, String regex) {
    return new Rule(reason, maxChars, Pattern.compile(regex));
  }
}
