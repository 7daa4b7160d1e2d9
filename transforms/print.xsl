<?xml version="1.0" encoding="UTF-8"?>
<!--
  The print edition: one HTML document laid out for paper by CSS Paged Media, which
  teikit.render.pdf hands to WeasyPrint to make the PDF (book.html in the output folder).

  - The title page (the text's titlePage, else the header's title and authors), then a
    contents page listing every page of common.xsl and its sections with the page each
    starts on (target-counter), then each page of common.xsl from a new sheet, with the
    page's title as the running head (string-set; not on the page the division opens),
    page numbers at the foot, then the closing page with the source and the rights.
  - Notes are footnotes at the foot of the page of their marker (float: footnote), with
    the label the EPUB and HTML editions give them (tk:note-label); with the parameter
    notes='endnotes' they are collected after the text, under the title of their page,
    each with the page its marker stands on.
  - Registers list, for every entry, the pages it is mentioned on (target-counter on a
    link to each mention), one reference per paragraph, verse line or note.
  - Words are hyphenated (hyphens: auto) in the language the TEI declares (lang from
    xml:lang), and the fonts named carry Latin, Greek, Cyrillic and combining marks.

  The pages are made by html.xsl's templates (mode html), through epub.xsl (whose metadata
  this edition shares: language, dates); only what paper needs differently is here. The
  result is then passed once through mode p:print, which makes links internal to the one
  document and drops what only a web page needs. Nothing here knows a particular book or
  reads the clock (the PDF's dates are the TEI's own, e:modified); the only resources the
  document names are the images teikit.render.media published under media/.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit:transforms"
    xmlns:h="urn:teikit:html"
    xmlns:e="urn:teikit:epub"
    xmlns:p="urn:teikit:print"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">

  <xsl:import href="epub.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"/>

  <!-- 'footnotes' (at the foot of the page) or 'endnotes' (after the text). -->
  <xsl:param name="notes" as="xs:string" select="'footnotes'"/>
  <xsl:variable name="p:endnotes" as="xs:boolean" select="$notes = 'endnotes'"/>

  <!-- Links between pages are made as html.xsl makes them, without a file extension;
       mode p:print turns them into links inside the one document. -->
  <xsl:variable name="h:page-extension" as="xs:string" select="''"/>

  <xsl:variable name="p:page-ids" as="map(xs:string, xs:string)"
      select="map:merge($tk:pages ! map:entry(tk:page-name(.), tk:html-id(.)))"/>

  <!-- Elements of html.xsl's output that are blocks: inside a footnote (which stands in a
       line of text) each becomes a span shown as a block, so that the HTML parser does not
       close the paragraph around the note. -->
  <xsl:variable name="p:blocks" as="xs:string+"
      select="('p', 'div', 'section', 'aside', 'article', 'nav', 'header', 'footer', 'blockquote',
               'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'figure',
               'figcaption', 'table', 'thead', 'tbody', 'tr', 'td', 'th', 'caption', 'pre', 'hr')"/>

  <xsl:template match="/">
    <xsl:result-document href="book.html">
      <xsl:variable name="body" as="element()">
        <body>
          <xsl:call-template name="p:title-page"/>
          <xsl:call-template name="p:contents"/>
          <xsl:for-each select="$tk:pages">
            <xsl:call-template name="p:page"/>
          </xsl:for-each>
          <xsl:if test="$p:endnotes">
            <xsl:call-template name="p:endnotes"/>
          </xsl:if>
          <xsl:if test="$e:about">
            <xsl:call-template name="p:about"/>
          </xsl:if>
        </body>
      </xsl:variable>
      <html lang="{$e:lang}">
        <head>
          <meta charset="utf-8"/>
          <title><xsl:value-of select="$tk:book-title"/></title>
          <xsl:for-each select="$tk:book-authors[.]">
            <meta name="author" content="{.}"/>
          </xsl:for-each>
          <!-- The PDF's dates: the TEI's own, never the clock (so two runs give one file). -->
          <meta name="dcterms.created" content="{$e:modified}"/>
          <meta name="dcterms.modified" content="{$e:modified}"/>
          <meta name="generator" content="teikit"/>
          <style><xsl:value-of select="$p:css"/></style>
        </head>
        <xsl:apply-templates select="$body" mode="p:print"/>
      </html>
    </xsl:result-document>
    <xsl:call-template name="h:report-pointers"/>
  </xsl:template>

  <!-- ===== the parts of the book ===== -->

  <xsl:template name="p:title-page">
    <section class="title-page" id="title-page">
      <xsl:choose>
        <xsl:when test="$tk:title-pages">
          <xsl:apply-templates select="$tk:title-pages" mode="html">
            <xsl:with-param name="depth" select="1" tunnel="yes"/>
          </xsl:apply-templates>
        </xsl:when>
        <xsl:otherwise>
          <h1><xsl:value-of select="$tk:book-title"/></h1>
          <xsl:for-each select="$tk:book-subtitles"><p class="subtitle"><xsl:value-of select="."/></p></xsl:for-each>
          <xsl:for-each select="$tk:book-authors"><p class="author"><xsl:value-of select="."/></p></xsl:for-each>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- Every page and its sections with the page each starts on (filled in by the CSS). -->
  <xsl:template name="p:contents">
    <nav class="contents" id="contents">
      <h1>Contents</h1>
      <ol>
        <xsl:for-each select="$tk:pages">
          <li>
            <a class="toc" href="#{tk:html-id(.)}"><xsl:value-of select="e:nav-label(tk:page-title(.), 'Page ' || position())"/></a>
            <xsl:call-template name="p:contents-sections">
              <xsl:with-param name="within" select="."/>
            </xsl:call-template>
          </li>
        </xsl:for-each>
        <xsl:if test="$p:endnotes and exists($tk:pages ! tk:attached-notes(.))">
          <li><a class="toc" href="#endnotes">Notes</a></li>
        </xsl:if>
        <xsl:if test="$e:about"><li><a class="toc" href="#about">About this edition</a></li></xsl:if>
      </ol>
    </nav>
  </xsl:template>

  <xsl:template name="p:contents-sections">
    <xsl:param name="within" as="element()"/>
    <xsl:variable name="sections" select="$within/*[local-name() = $tk:div-names][tei:head]"/>
    <xsl:if test="$sections">
      <ol>
        <xsl:for-each select="$sections">
          <li>
            <a class="toc" href="#{tk:html-id(.)}"><xsl:value-of select="e:nav-label(tk:plain(tei:head[1]), 'Section ' || position())"/></a>
            <xsl:call-template name="p:contents-sections">
              <xsl:with-param name="within" select="."/>
            </xsl:call-template>
          </li>
        </xsl:for-each>
      </ol>
    </xsl:if>
  </xsl:template>

  <!-- One page of common.xsl: a new sheet, its title as the running head. -->
  <xsl:template name="p:page">
    <section id="{tk:html-id(.)}" class="chapter {local-name()} {@type}" data-title="{e:nav-label(tk:page-title(.), $tk:book-title)}">
      <xsl:call-template name="h:lang"/>
      <xsl:if test="not(tei:head)">
        <h1><xsl:value-of select="tk:page-title(.)"/></h1>
      </xsl:if>
      <!-- what stands between pages (a page break, a group's head or trailer) on the page that shows it -->
      <xsl:apply-templates select="tk:loose-milestones(., false()), node(), tk:loose-milestones(., true())" mode="html">
        <xsl:with-param name="depth" select="1" tunnel="yes"/>
      </xsl:apply-templates>
    </section>
  </xsl:template>

  <xsl:template name="p:endnotes">
    <xsl:variable name="pages" select="$tk:pages[exists(tk:attached-notes(.))]"/>
    <xsl:if test="$pages">
      <section class="chapter endnotes" id="endnotes" data-title="Notes">
        <h1>Notes</h1>
        <xsl:for-each select="$pages">
          <h2><xsl:value-of select="e:nav-label(tk:page-title(.), $tk:book-title)"/></h2>
          <xsl:for-each select="tk:attached-notes(.)">
            <div class="endnote" id="{tk:html-id(.)}">
              <xsl:call-template name="h:lang"/>
              <span class="note-label"><xsl:value-of select="tk:note-label(.)"/>. </span>
              <xsl:apply-templates mode="html">
                <xsl:with-param name="depth" select="3" tunnel="yes"/>
              </xsl:apply-templates>
              <xsl:text> </xsl:text>
              <a class="note-page" href="#{tk:html-id(.)}-ref"/>
            </div>
          </xsl:for-each>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template name="p:about">
    <section class="chapter about" id="about" data-title="About this edition">
      <h1>About this edition</h1>
      <xsl:for-each select="$tk:header/tei:fileDesc/tei:sourceDesc">
        <h2>Source</h2>
        <xsl:apply-templates select="*" mode="html">
          <xsl:with-param name="depth" select="3" tunnel="yes"/>
        </xsl:apply-templates>
      </xsl:for-each>
      <xsl:apply-templates select="$tk:header/tei:fileDesc/tei:publicationStmt/(tei:publisher | tei:availability)" mode="html">
        <xsl:with-param name="depth" select="3" tunnel="yes"/>
      </xsl:apply-templates>
    </section>
  </xsl:template>

  <!-- ===== notes ===== -->

  <xsl:template match="tei:note[tk:is-attached-note(.) and exists(tk:page-of(.))]" mode="html">
    <xsl:choose>
      <xsl:when test="$p:endnotes">
        <a class="noteref" id="{tk:html-id(.)}-ref" href="#{tk:html-id(.)}"><sup><xsl:value-of select="tk:note-label(.)"/></sup></a>
      </xsl:when>
      <!-- A note inside a footnote cannot float again: it is read in brackets where it stands. -->
      <xsl:when test="ancestor::tei:note[tk:is-attached-note(.)]">
        <span class="note-in-note" id="{tk:html-id(.)}">
          <xsl:text> [</xsl:text><xsl:value-of select="tk:note-label(.)"/><xsl:text>: </xsl:text>
          <xsl:apply-templates mode="html"/>
          <xsl:text>]</xsl:text>
        </span>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="body" as="node()*">
          <xsl:apply-templates mode="html">
            <xsl:with-param name="depth" select="3" tunnel="yes"/>
          </xsl:apply-templates>
        </xsl:variable>
        <span class="footnote" id="{tk:html-id(.)}" data-label="{tk:note-label(.)}">
          <xsl:call-template name="h:lang"/>
          <xsl:apply-templates select="$body" mode="p:inline"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:mode name="p:inline" on-no-match="shallow-copy"/>

  <!-- Runs of white space become one space (as the layout would read them anyway): WeasyPrint
       breaks a footnote's line at a newline of its source. -->
  <xsl:template match="text()" mode="p:inline">
    <xsl:value-of select="replace(., '\s+', ' ')"/>
  </xsl:template>

  <xsl:template match="*[local-name() = $p:blocks]" mode="p:inline">
    <span class="{string-join(('blk', 'blk-' || local-name(), @class), ' ')}">
      <xsl:copy-of select="@id | @lang"/>
      <xsl:apply-templates mode="p:inline"/>
    </span>
  </xsl:template>

  <!-- ===== registers: the pages an entry is mentioned on ===== -->

  <!-- Every mention of a register entry carries the id its page reference points to, even
       where html.xsl shows it as text (a name inside a link), which has none. -->
  <xsl:template match="tei:persName | tei:placeName | tei:orgName | tei:name | tei:rs | tei:geogName
                       | tei:settlement | tei:country | tei:region | tei:district | tei:bloc" mode="html">
    <xsl:variable name="shown" as="element()*"><xsl:next-match/></xsl:variable>
    <xsl:choose>
      <xsl:when test="$shown/@id or not(@ref) or empty(tk:entry(.))">
        <xsl:sequence select="$shown"/>
      </xsl:when>
      <xsl:otherwise>
        <span id="m{tk:node-id(.)}"><xsl:sequence select="$shown"/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- html.xsl's entry, with its list of mentions (links to HTML pages) replaced by page
       references: the first mention in each paragraph, line, item, cell or note. -->
  <xsl:template match="tei:person | tei:place | tei:org | tei:event | tei:personGrp" mode="html">
    <xsl:variable name="entry" as="element()*"><xsl:next-match/></xsl:variable>
    <xsl:apply-templates select="$entry" mode="p:entry">
      <xsl:with-param name="mentions" tunnel="yes" as="element()*">
        <xsl:for-each-group select="tk:mentions(.)"
                            group-by="generate-id((ancestor::*[self::tei:p or self::tei:l or self::tei:ab or self::tei:item
                                       or self::tei:cell or self::tei:note or self::tei:head or self::tei:quote], ..)[last()])">
          <xsl:sequence select="current-group()[1]"/>
        </xsl:for-each-group>
      </xsl:with-param>
    </xsl:apply-templates>
  </xsl:template>

  <xsl:mode name="p:entry" on-no-match="shallow-copy"/>

  <xsl:template match="p[@class = 'mentions']" mode="p:entry">
    <xsl:param name="mentions" tunnel="yes" as="element()*"/>
    <p class="mentions">
      <xsl:text>In the text: </xsl:text>
      <xsl:for-each-group select="$mentions" group-by="generate-id(tk:page-of(.))">
        <span class="mentions-page">
          <span class="mentions-in"><xsl:value-of select="tk:page-title(tk:page-of(.))"/></span>
          <xsl:text>: </xsl:text>
          <xsl:for-each select="current-group()">
            <a class="pageref" href="#m{tk:node-id(.)}"/>
            <xsl:if test="position() ne last()"><xsl:text>, </xsl:text></xsl:if>
          </xsl:for-each>
        </span>
        <xsl:if test="position() ne last()"><xsl:text>; </xsl:text></xsl:if>
      </xsl:for-each-group>
    </p>
  </xsl:template>

  <!-- ===== from web pages to one printed document ===== -->

  <xsl:mode name="p:print" on-no-match="shallow-copy"/>

  <!-- A heading's link to itself serves a web address, not a page. -->
  <xsl:template match="a[@class = 'self']" mode="p:print"/>

  <!-- A name links nowhere on paper: its register entry lists the pages it is on. -->
  <xsl:template match="a[tokenize(@class) = 'name']" mode="p:print">
    <span>
      <xsl:copy-of select="@class | @id | @lang"/>
      <xsl:apply-templates mode="p:print"/>
    </span>
  </xsl:template>

  <!-- An image's description (its alt text, from figDesc) is printed under it, unless the
       caption says the same: on paper there is no other place a reader finds it. -->
  <xsl:template match="img[normalize-space(@alt)]" mode="p:print">
    <xsl:next-match/>
    <xsl:if test="not(normalize-space(@alt) = normalize-space(ancestor::figure[1]/figcaption))">
      <span class="figdesc"><xsl:value-of select="@alt"/></span>
    </xsl:if>
  </xsl:template>

  <!-- A link to a page of the edition (page or page#anchor) leads to it in this document. -->
  <xsl:template match="a/@href[not(starts-with(., '#')) and not(tk:is-external(.))]" mode="p:print">
    <xsl:variable name="page" select="substring-before(. || '#', '#')"/>
    <xsl:variable name="fragment" select="substring-after(., '#')"/>
    <xsl:attribute name="href" select="'#' || (if ($fragment) then $fragment
                                               else if (map:contains($p:page-ids, $page)) then $p:page-ids($page)
                                               else $page)"/>
  </xsl:template>

  <!-- ===== the stylesheet ===== -->

  <!-- DejaVu (Debian: fonts-dejavu-core, fonts-dejavu-extra) carries Latin, Greek, Cyrillic and
       the combining marks; the generic family is the last resort. -->
  <xsl:variable name="p:css" as="xs:string">
@page {
  size: A5;
  margin: 20mm 16mm 22mm 16mm;
  @top-center { content: string(chapter); font-size: 8pt; font-style: italic; color: #444; }
  @bottom-center { content: counter(page); font-size: 9pt; }
  @footnote { border-top: 0.5pt solid #888; padding-top: 2mm; }
}
@page :nth(1 of chapter) { @top-center { content: none; } }
@page front { @top-center { content: none; } @bottom-center { content: none; } }
/* orphans and widows 1: with WeasyPrint's default of 2, a footnote whose call ends up on a
   line moved to the next page to keep two lines together is lost (its text is on no page). */
html { font-family: "DejaVu Serif", serif; font-size: 9.5pt; line-height: 1.35; orphans: 1; widows: 1; }
body { margin: 0; }
p, li, dd, .blk-p { hyphens: auto; text-align: justify; }
.title-page { page: front; text-align: center; padding-top: 30mm; break-after: page; }
.title-page h1 { font-size: 20pt; }
.subtitle, .docAuthor, .author { font-size: 12pt; }
nav.contents { page: front; break-after: page; }
nav.contents ol { list-style: none; padding-left: 0; margin: 0; }
nav.contents ol ol { padding-left: 1.2em; font-size: 0.95em; }
a.toc { color: inherit; text-decoration: none; }
a.toc::after { content: leader('.') target-counter(attr(href url), page); }
section.chapter { page: chapter; break-before: page; string-set: chapter attr(data-title); }
h1, h2, h3, h4, h5, h6 { line-height: 1.2; break-after: avoid; hyphens: manual; text-align: left; }
h1 { font-size: 15pt; margin: 0 0 1em; }
h2 { font-size: 12pt; } h3 { font-size: 10.5pt; } h4, h5, h6 { font-size: 10pt; }
p { margin: 0; text-indent: 1.2em; }
h1 + p, h2 + p, h3 + p, h4 + p, h5 + p, h6 + p, blockquote p, li p, .title-page p, .about p, .entry p { text-indent: 0; }
blockquote { margin: 0.6em 1.5em; font-size: 0.95em; }
a { color: inherit; text-decoration: none; }
a.self { display: none; }
/* footnote-policy line: a note that does not fit under its call takes the call's line to the
   next page with it, rather than leaving the call on a page without its note. */
.footnote { float: footnote; footnote-policy: line; font-size: 7.5pt; line-height: 1.3; text-align: left; text-indent: 0; font-style: normal; font-weight: normal; hyphens: auto; }
.footnote::footnote-call { content: attr(data-label); vertical-align: super; font-size: 65%; line-height: 0; }
.footnote::footnote-marker { content: attr(data-label) ". "; }
.footnote .blk { display: block; margin: 0; text-indent: 0; }
.footnote .blk-li { display: list-item; margin-left: 1.2em; }
.footnote .blk-table { display: table; } .footnote .blk-tr { display: table-row; }
.footnote .blk-td, .footnote .blk-th { display: table-cell; padding-right: 0.5em; }
.footnote .blk-p:first-child, .footnote .blk:first-child { display: inline; }
.noteref sup { font-size: 65%; line-height: 0; }
.endnote { font-size: 0.9em; margin: 0.3em 0; }
.endnote .note-label { font-weight: bold; }
a.note-page::after { content: "(p. " target-counter(attr(href url), page) ")"; font-size: 0.9em; }
a.pageref::after { content: target-counter(attr(href url), page); }
.mentions { font-size: 0.9em; }
.mentions-in { font-style: italic; }
.entry { margin-bottom: 0.8em; break-inside: avoid-page; }
.entry h2, .entry h3, .entry h4, .entry h5, .entry h6 { font-size: 10pt; margin: 0.6em 0 0.2em; }
.lg { margin: 0.8em 0 0.8em 1.5em; }
.l { text-indent: -1em; padding-left: 1em; }
.l-n { float: right; font-size: 0.8em; }
.sp { margin: 0.4em 0; }
/* No small capitals: DejaVu has none, and the ones WeasyPrint would make up are capitals in
   the PDF's text, so a reader searching the PDF for a speaker's name would not find it. */
.speaker { font-weight: bold; }
.stage { font-style: italic; }
.pb { font-size: 0.65em; vertical-align: super; color: #777; }
figure { margin: 1em 0; text-align: center; break-inside: avoid; }
img { max-width: 100%; max-height: 150mm; }
figcaption { font-size: 0.9em; }
.figdesc { display: block; font-size: 0.85em; font-style: italic; }
table { border-collapse: collapse; margin: 0.6em 0; }
td, th { border: 0.5pt solid #888; padding: 0.15em 0.3em; vertical-align: top; }
.smallcaps, .small-caps { letter-spacing: 0.04em; }
.underline { text-decoration: underline; }
.opener, .closer, .dateline, .salute, .signed { margin: 0.4em 0; }
del { text-decoration: line-through; }
ins { text-decoration: none; }
/* a deletion and the addition that replaces it are two words: a gap between them, so that the
   PDF's text (search, copying) does not read them as one */
del + ins, ins + del { margin-left: 0.3em; }
  </xsl:variable>
</xsl:stylesheet>
