package io.lumbar.importing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BoilerplateRulesTest {

  // Deliberately not the seed sentences: the rules must generalise to other pages.
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiterString = "=>",
      textBlock =
          """
            Skip to navigation                                        => navigation
            Back to top                                               => navigation
            To Top                                                    => navigation
            Jump to main content                                      => navigation
            Home > Conditions > Back Pain                             => navigation
            Flash Sale: 40% off all pillows                           => sale banner
            Cyber Monday deals end at midnight                        => sale banner
            Use promo code SPINE10 at checkout                        => sale banner
            Lifetime Guarantee                                        => shop guarantee
            Free Worldwide Shipping                                   => shop guarantee
            Hassle-free returns                                       => shop guarantee
            Secure Payment                                            => shop guarantee
            24/7 Customer Care                                        => shop guarantee
            Leave a Reply                                             => comment form
            12 Comments                                               => comment form
            Your email will not be published.                         => comment form
            Terms of Use | Privacy Notice | Cookie Settings           => legal footer
            © 2024 Example Health. All rights reserved.               => legal footer
            Copyright 2021 Spine Clinic Group                         => legal footer
            By using this site you agree to our terms.                => legal footer
            This article does not constitute medical advice.          => legal footer
            Find a Clinic                                             => location finder
            Physical therapists near you                              => location finder
            Posted by Jane Doe on March 3, 2023                       => byline
            By Dr. Jane Smith                                         => byline
            Updated on 2023-01-05                                     => byline
            By Jane Roe, MD Dr. Roe is a board-certified surgeon. She trained in Leeds. => byline
            Dr. Roe is board-certified in sports medicine. She has written for magazines. => byline
            Sam Writer March 3, 2023 · 6 min read                     => byline
            Dr. Alex Example, DC                                      => byline
            Struggling with a stiff neck? Discover five easy stretches for the morning. => page summary
            Friendly physiotherapy serving the valley since 1998.     => about the provider
            "My back finally lets me sleep through the night again." – Sam K. => testimonial
            ★★★★★ 4.8 from 120 reviews                                => rating
            This website uses cookies to give you a better experience. => cookie notice
            Accept all cookies                                        => cookie notice
            About the author: Sam Writer is a physiotherapist in a small town. => byline
            Sam is a physiotherapist at the clinic with twelve years of experience. => byline
            We accept most insurance plans and card payments.         => about the provider
            Our friendly team of physiotherapists sees patients six days a week. => about the provider
            Questions? Our staff are happy to help.                   => about the provider
            Our therapists have treated thousands of stiff backs.     => about the provider
            A first assessment costs £50 and a follow-up session £40. => pricing
            March 3, 2023                                             => page metadata
            Topics: Sleep                                             => page metadata
            Last reviewed                                             => page metadata
            August 2019                                               => page metadata
            Written and/or edited by                                  => page metadata
            7 min read                                                => reading time
            Reading time: 5 minutes                                   => reading time
            Read more                                                 => link teaser
            Learn more about sciatica.                                => link teaser
            Related Articles                                          => link teaser
            Most read                                                 => link teaser
            Was this article helpful? Yes No                          => feedback prompt
            Search for:                                               => navigation
            12 shares                                                 => page metadata
            Content is reviewed regularly by our clinical team.       => byline
            More on this story                                        => link teaser
            Advertisement                                             => advertisement
            Story continues below advertisement                       => advertisement
            You might also enjoy                                      => link teaser
            [3] Smith J. Low back pain. Lancet. 2020;395:1–10.        => reference list
            References                                                => reference list
            12. Hartvigsen, Jan, et al. What low back pain is. The Lancet, 2018. => reference list
            """)
  void recognisesBoilerplate(String paragraph, String reason) {
    assertThat(BoilerplateRules.reasonFor(paragraph)).contains(reason);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Privacy is important when you see a doctor about back pain.",
        "Studies show, increased bed rest will not provide any benefit to back injury, in fact laying down for "
            + "extended periods of time can further injure the affected area.",
        "Studies show, increased bed rest will not provide any benefit…",
        "Surgery does not guarantee a full recovery.",
        "About 80% of adults experience low back pain at some point in their lives.",
        "By following these recommended treatment approaches, you can manage muscle strains.",
        "By the way, most back pain settles within six weeks.",
        "By Monday, most people can walk without pain.",
        "Your doctor is board-certified and can advise on surgery.",
        "Read on to learn more about why your back hurts at night.",
        "Skipping exercise can make stiffness worse.",
        "Comments from patients suggest that stretching helps.",
        "Your doctor may find a location of tenderness near your spine.",
        "Many patients wait 5 minutes before standing up.",
        "Fast relief is possible with the right stretches.",
        "1. Sciatica — The sciatic nerve is the largest nerve in your body.",
        "2. Physical Therapy",
        "Spinal Stenosis",
        "Why does my back hurt when I lay down?",
        "Medical professionals refer to back strains, sprains, or other damages as mechanical back injuries.",
        "Doctors sometimes discover a bulging disc on a scan taken for another reason.",
        "\"Most people are better within six weeks,\" says Dr. Sam Example, a spine surgeon.",
        "Our spine has three natural curves that a good mattress supports.",
        "We accept back pain as part of getting older, but most of it can be eased.",
        "We take our backs for granted until they hurt.",
        "A TENS machine costs about $30 and can ease pain for some people.",
        "Search for a physiotherapist who has worked with back pain before.",
        "Was the pain worse after sitting? Yes, for most people it is.",
        "A physiotherapist is a good first contact and has years of training in back care.",
        "Cookies and cakes late at night do not cause back pain, but extra weight can.",
        "Back pain has been studied in large surveys since 1990.",
        "Gentle stretching for 5 minutes, then a short walk, is a good start.",
        ""
      })
  void leavesContentAlone(String paragraph) {
    assertThat(BoilerplateRules.reasonFor(paragraph)).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void aRunOfNamesWithPhoneNumbersIsADirectoryButOneHelplineInProseIsNot() {
    assertThat(
            Directory.reason(
                "Example Spine Society\nPhone: 800-555-0101\nMade-up Pain Network\nPhone:"
                    + " 800-555-0199"))
        .contains("directory");
    assertThat(
            Directory.reason(
                "If the pain is sudden and severe, call your doctor or the helpline on 800-555-0101"
                    + " and ask for advice before you take more tablets."))
        .isEmpty();
  }
}
