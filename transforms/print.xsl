<?xml version="1.0" encoding="UTF-8"?>
<!--
  The print edition's book, as one tree: typst.xsl (which imports this stylesheet) writes
  that tree as Typst markup, which teikit.render.pdf compiles into the PDF.

  - The title page (the text's titlePage, else the header's title and authors), then a
    contents page listing every page of common.xsl and its sections (typst.xsl gives each
    the page it starts on), then each page of common.xsl from a new sheet, with the
    page's title (data-title) as the running head, then the closing page with the source
    and the rights.
  - Notes are footnotes (span class="footnote", with the label the EPUB and HTML editions
    give them, tk:note-label); with the parameter notes='endnotes' they are collected after
    the text, under the title of their page, each with the page its marker stands on.
  - Registers list, for every entry, the pages it is mentioned on (a link to each mention,
    which typst.xsl shows as its page number), one reference per paragraph, verse line or note.
  - Elements in another language than the book's say so (lang, from xml:lang), for
    hyphenation.

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

  <!-- 'footnotes' (at the foot of the page) or 'endnotes' (after the text). -->
  <xsl:param name="notes" as="xs:string" select="'footnotes'"/>
  <xsl:variable name="p:endnotes" as="xs:boolean" select="$notes = 'endnotes'"/>

  <!-- Links between pages are made as html.xsl makes them, without a file extension;
       mode p:print turns them into links inside the one document. -->
  <xsl:variable name="h:page-extension" as="xs:string" select="''"/>

  <xsl:variable name="p:page-ids" as="map(xs:string, xs:string)"
      select="map:merge($tk:pages ! map:entry(tk:page-name(.), tk:html-id(.)))"/>

  <!-- The book's body: its parts in order, made into one printed document (mode p:print). -->
  <xsl:template name="p:book" as="element()">
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
    <xsl:apply-templates select="$body" mode="p:print"/>
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
        <!-- a footnote holds blocks (paragraphs, lists) as Typst's footnote does -->
        <span class="footnote" id="{tk:html-id(.)}" data-label="{tk:note-label(.)}">
          <xsl:call-template name="h:lang"/>
          <xsl:sequence select="$body"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
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

</xsl:stylesheet>
