<?xml version="1.0" encoding="UTF-8"?>
<!--
  The print edition as Typst markup: teikit.render.pdf compiles it with the Typst compiler
  into the PDF (book.typ in the output folder).

  The book is print.xsl's: its title page, its contents page, every page of common.xsl
  from a new sheet with its title as the running head, footnotes (or endnotes) labelled as
  the other editions label them, registers listing for every entry the pages of its
  mentions, the closing page with the source and the rights. print.xsl builds that book as
  one HTML tree (mode html of html.xsl, then p:print); this stylesheet writes the tree as
  Typst markup (mode t:typst) instead of serialising it:

  - Text is markup with every ASCII punctuation character escaped (\#, \*, \[, \. ...), so
    no character of the source is read as Typst syntax (a heading '=', a list '-', a
    label '<', a comment '//', a smart quote, an autolink 'https://'), and runs of white
    space are one space, as a browser reads them.
  - What is pointed at (an element with an id some link, contents entry or page reference
    names) carries a label: metadata placed where the element starts, so that
    locate(label).page() gives its page. Labels are made of the id ('k' + id), or of its
    code points when the id has other characters ('u' + numbers): two ids never share one.
  - A page of the edition starts with #chapter(title): a weak page break and a metadata
    the running head reads; the head is the title of the last chapter started before the
    page, none on the page a chapter opens and on the front pages (before the first
    chapter), where the page number is left out too.
  - A footnote is #fn(label)[body]: Typst puts it at the foot of the page of its call;
    the call and the note both show the label. Widow and orphan control is off: with it,
    Typst may set a note on another page than its call (see t:preamble).
  - A formula (MathML) is set as a line of text, as the text edition writes it.
  - The language (hyphenation) is the book's, and an element's own where it has one
    (lang="..." of html.xsl, from xml:lang): its primary subtag when Typst can read it.

  The preamble (t:preamble) sets the page (A5), the fonts (DejaVu, which teikit.render.pdf
  gives the compiler; nothing else is read), the sizes and the helpers named above.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit:transforms"
    xmlns:h="urn:teikit:html"
    xmlns:e="urn:teikit:epub"
    xmlns:p="urn:teikit:print"
    xmlns:t="urn:teikit:typst"
    exclude-result-prefixes="#all">

  <xsl:import href="print.xsl"/>
  <xsl:include href="mathtext.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:key name="t:id" match="*[@id]" use="@id"/>
  <xsl:key name="t:target" match="a[starts-with(@href, '#')]" use="substring(@href, 2)"/>

  <xsl:template match="/">
    <xsl:variable name="book" as="document-node()">
      <xsl:document>
        <xsl:call-template name="p:book"/>
      </xsl:document>
    </xsl:variable>
    <xsl:result-document href="book.typ" method="text">
      <xsl:call-template name="t:preamble"/>
      <xsl:apply-templates select="$book/*/node()" mode="t:typst"/>
      <!-- the number of pages, for teikit.render.pdf to report -->
      <xsl:text>&#10;#context [#metadata(here().page())&lt;teikit-last-page&gt;]&#10;</xsl:text>
    </xsl:result-document>
    <xsl:call-template name="h:report-pointers"/>
  </xsl:template>

  <!-- ===== text and names ===== -->

  <!-- Markup text: white space as one space, ASCII punctuation escaped. -->
  <xsl:function name="t:text" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="replace(replace($s, '\s+', ' '), '([!-/:-@\[-`{-~])', '\\$1')"/>
  </xsl:function>

  <!-- A Typst string literal. -->
  <xsl:function name="t:string" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="'&quot;' || replace(replace(replace($s, '\s+', ' '), '\\', '\\\\'), '&quot;', '\\&quot;') || '&quot;'"/>
  </xsl:function>

  <xsl:function name="t:label" as="xs:string">
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="'&lt;' || (if (matches($id, '^[A-Za-z0-9_\-]+$')) then 'k' || $id
                                     else 'u' || string-join(string-to-codepoints($id) ! string(.), '-')) || '&gt;'"/>
  </xsl:function>

  <!-- Whether a link to the id can be made: an element carries it. -->
  <xsl:function name="t:exists" as="xs:boolean">
    <xsl:param name="context" as="node()"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="exists(key('t:id', $id, root($context)))"/>
  </xsl:function>

  <!-- The label where an element starts: for the first element of its id, when something points at it. -->
  <xsl:template name="t:anchor">
    <xsl:if test="@id and exists(key('t:target', @id)) and key('t:id', @id)[1] is .">
      <xsl:text>#metadata(none)</xsl:text>
      <xsl:value-of select="t:label(@id)"/>
    </xsl:if>
  </xsl:template>

  <!-- The language an element declares, as Typst's text(lang:) takes it; empty when none or unreadable. -->
  <xsl:function name="t:lang" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="primary" select="lower-case(tokenize(string($e/@lang), '-')[1])"/>
    <xsl:sequence select="$primary[matches(., '^[a-z]{2,3}$')]"/>
  </xsl:function>

  <!-- ===== the tree as Typst ===== -->

  <xsl:mode name="t:typst" on-no-match="text-only-copy"/>

  <xsl:template match="text()" mode="t:typst">
    <xsl:value-of select="t:text(.)"/>
  </xsl:template>

  <!-- A formula as the text edition writes it (mathtext.xsl), set as text. -->
  <xsl:template match="m:math" mode="t:typst" xmlns:m="http://www.w3.org/1998/Math/MathML">
    <xsl:value-of select="t:text(mt:row(*))" xmlns:mt="urn:teikit:mathtext"/>
  </xsl:template>

  <!-- What only a web page has. -->
  <xsl:template match="script | style | template | head" mode="t:typst"/>

  <!-- An element with a language: its content in that language. -->
  <xsl:template match="*[exists(t:lang(.))]" mode="t:typst" priority="10">
    <xsl:text>#text(lang: "</xsl:text>
    <xsl:value-of select="t:lang(.)"/>
    <xsl:text>")[</xsl:text>
    <xsl:next-match/>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <!-- Inline elements not named below: their content, with their label. -->
  <xsl:template match="*" mode="t:typst">
    <xsl:call-template name="t:anchor"/>
    <xsl:apply-templates mode="t:typst"/>
  </xsl:template>

  <xsl:template name="t:wrap">
    <xsl:param name="call" as="xs:string"/>
    <xsl:call-template name="t:anchor"/>
    <xsl:choose>
      <xsl:when test="$call">
        <xsl:value-of select="$call"/>
        <xsl:text>[</xsl:text>
        <xsl:apply-templates mode="t:typst"/>
        <xsl:text>]</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates mode="t:typst"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Blocks not named below: their content apart from what stands before and after, not
       wrapped in a Typst block (a note's call inside a breakable block does not take its
       line to the next page when its note does not fit, so the two would be parted). -->
  <xsl:template match="div | section | article | aside | header | footer | nav | main | address | details | summary
                       | dl | figure | pre | center" mode="t:typst">
    <xsl:text>&#10;&#10;</xsl:text>
    <xsl:call-template name="t:wrap">
      <xsl:with-param name="call" select="''"/>
    </xsl:call-template>
    <xsl:text>&#10;&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="p | dt | dd | figcaption | caption" mode="t:typst">
    <xsl:text>&#10;&#10;</xsl:text>
    <xsl:call-template name="t:wrap">
      <xsl:with-param name="call" select="
          if (self::dt) then '#strong'
          else if (self::dd) then '#pad(left: 1.5em)'
          else if (self::figcaption or self::caption) then '#text(size: 0.9em)'
          else if (tokenize(@class) = 'speaker') then '#strong'
          else if (tokenize(@class) = 'stage') then '#emph'
          else if (tokenize(@class) = ('mentions', 'location')) then '#text(size: 0.9em)'
          else ''"/>
    </xsl:call-template>
    <xsl:text>&#10;&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="h1 | h2 | h3 | h4 | h5 | h6" mode="t:typst">
    <xsl:text>&#10;</xsl:text>
    <xsl:call-template name="t:wrap">
      <xsl:with-param name="call" select="'#heading(level: ' || substring(local-name(), 2) || ')'"/>
    </xsl:call-template>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="blockquote" mode="t:typst">
    <xsl:text>&#10;</xsl:text>
    <xsl:call-template name="t:wrap">
      <xsl:with-param name="call" select="'#quoted'"/>
    </xsl:call-template>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="div[tokenize(@class) = 'lg']" mode="t:typst">
    <xsl:text>&#10;</xsl:text>
    <xsl:call-template name="t:wrap">
      <xsl:with-param name="call" select="'#verse'"/>
    </xsl:call-template>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="div[tokenize(@class) = 'l']" mode="t:typst">
    <xsl:text>&#10;</xsl:text>
    <xsl:call-template name="t:wrap">
      <xsl:with-param name="call" select="'#vline'"/>
    </xsl:call-template>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="ul | ol" mode="t:typst">
    <xsl:text>&#10;</xsl:text>
    <xsl:call-template name="t:anchor"/>
    <xsl:value-of select="if (self::ol) then '#enum(' else '#list('"/>
    <xsl:for-each select="li">
      <xsl:text>[</xsl:text>
      <xsl:call-template name="t:anchor"/>
      <xsl:apply-templates mode="t:typst"/>
      <xsl:text>], </xsl:text>
    </xsl:for-each>
    <xsl:text>)</xsl:text>
    <!-- what stands in a list outside its items is not lost -->
    <xsl:apply-templates select="* except li" mode="t:typst"/>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="table" mode="t:typst">
    <xsl:variable name="rows" select=".//tr[ancestor::table[1] is current()]"/>
    <xsl:variable name="columns" select="max((1, $rows ! sum((th | td) ! (if (@colspan castable as xs:integer) then max((1, xs:integer(@colspan))) else 1))))"/>
    <xsl:text>&#10;</xsl:text>
    <xsl:call-template name="t:anchor"/>
    <xsl:apply-templates select="caption" mode="t:typst"/>
    <xsl:text>#table(columns: </xsl:text>
    <xsl:value-of select="$columns"/>
    <xsl:text>, </xsl:text>
    <xsl:for-each select="$rows/(th | td)">
      <xsl:text>table.cell(</xsl:text>
      <xsl:if test="@colspan castable as xs:integer and xs:integer(@colspan) gt 1">
        <xsl:value-of select="'colspan: ' || min((xs:integer(@colspan), $columns)) || ', '"/>
      </xsl:if>
      <xsl:if test="@rowspan castable as xs:integer and xs:integer(@rowspan) gt 1">
        <xsl:value-of select="'rowspan: ' || min((xs:integer(@rowspan), count($rows))) || ', '"/>
      </xsl:if>
      <xsl:text>)[</xsl:text>
      <xsl:call-template name="t:anchor"/>
      <xsl:apply-templates mode="t:typst"/>
      <xsl:text>], </xsl:text>
    </xsl:for-each>
    <xsl:text>)</xsl:text>
    <!-- what stands in a table outside its cells is not lost -->
    <xsl:apply-templates select="node() except (caption | $rows/ancestor-or-self::* | text()[not(normalize-space())])" mode="t:typst"/>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="tr" mode="t:typst">
    <xsl:apply-templates mode="t:typst"/>
  </xsl:template>

  <xsl:template match="hr" mode="t:typst">
    <xsl:text>&#10;#line(length: 100%, stroke: 0.5pt + gray)&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="br" mode="t:typst">
    <xsl:text>#linebreak()</xsl:text>
  </xsl:template>

  <xsl:template match="img" mode="t:typst">
    <xsl:call-template name="t:anchor"/>
    <xsl:if test="normalize-space(@src)">
      <xsl:text>#picture(</xsl:text>
      <xsl:value-of select="t:string(@src)"/>
      <xsl:text>)</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- ===== inline ===== -->

  <xsl:template match="i | em | cite | var | dfn | span[tokenize(@class) = 'stage']" mode="t:typst">
    <xsl:call-template name="t:wrap"><xsl:with-param name="call" select="'#emph'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="b | strong | span[tokenize(@class) = 'speaker']" mode="t:typst">
    <xsl:call-template name="t:wrap"><xsl:with-param name="call" select="'#strong'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="sup" mode="t:typst">
    <xsl:call-template name="t:wrap"><xsl:with-param name="call" select="'#super'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="sub" mode="t:typst">
    <xsl:call-template name="t:wrap"><xsl:with-param name="call" select="'#sub'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="del | s | strike" mode="t:typst">
    <xsl:call-template name="t:wrap"><xsl:with-param name="call" select="'#strike'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="u | span[tokenize(@class) = 'underline']" mode="t:typst">
    <xsl:call-template name="t:wrap"><xsl:with-param name="call" select="'#underline'"/></xsl:call-template>
  </xsl:template>

  <!-- A deletion and the addition that replaces it are two words: a space between them, so
       that the PDF's text (search, copying) does not read them as one. -->
  <xsl:template match="ins | del" mode="t:typst" priority="5">
    <xsl:if test="preceding-sibling::node()[1][self::ins or self::del]">
      <xsl:text> </xsl:text>
    </xsl:if>
    <xsl:next-match/>
  </xsl:template>

  <xsl:template match="q" mode="t:typst">
    <xsl:call-template name="t:wrap"><xsl:with-param name="call" select="'#quote'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="span[tokenize(@class) = ('smallcaps', 'small-caps')]" mode="t:typst">
    <xsl:call-template name="t:wrap"><xsl:with-param name="call" select="'#text(tracking: 0.04em)'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="span[tokenize(@class) = 'pb']" mode="t:typst">
    <xsl:call-template name="t:wrap"><xsl:with-param name="call" select="'#folio'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="span[tokenize(@class) = 'l-n']" mode="t:typst">
    <xsl:call-template name="t:wrap"><xsl:with-param name="call" select="'#lineno'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="span[tokenize(@class) = 'figdesc']" mode="t:typst">
    <xsl:call-template name="t:wrap"><xsl:with-param name="call" select="'#figdesc'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="span[tokenize(@class) = 'mentions-in']" mode="t:typst">
    <xsl:call-template name="t:wrap"><xsl:with-param name="call" select="'#emph'"/></xsl:call-template>
  </xsl:template>

  <!-- A footnote: at the foot of the page of its call, both showing its label. -->
  <xsl:template match="span[tokenize(@class) = 'footnote']" mode="t:typst">
    <xsl:call-template name="t:wrap">
      <xsl:with-param name="call" select="'#fn(' || t:string(@data-label) || ')'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Links: inside the book to the label of their target; outside to their address. -->
  <xsl:template match="a[@href]" mode="t:typst">
    <xsl:variable name="target" select="substring(@href, 2)"/>
    <xsl:choose>
      <xsl:when test="starts-with(@href, '#') and t:exists(., $target)">
        <xsl:call-template name="t:wrap">
          <xsl:with-param name="call" select="'#link(' || t:label($target) || ')'"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="matches(@href, '^(https?|mailto|ftp):', 'i')">
        <xsl:call-template name="t:wrap">
          <xsl:with-param name="call" select="'#link(' || t:string(@href) || ')'"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:next-match/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A register's page reference, and an endnote's page of its call: the page of the target. -->
  <xsl:template match="a[tokenize(@class) = ('pageref', 'note-page')]" mode="t:typst" priority="5">
    <xsl:variable name="target" select="substring(@href, 2)"/>
    <xsl:call-template name="t:anchor"/>
    <xsl:if test="t:exists(., $target)">
      <xsl:value-of select="(if (tokenize(@class) = 'note-page') then '#notepage(' else '#pageof(') || t:label($target) || ')'"/>
    </xsl:if>
  </xsl:template>

  <!-- ===== the parts of the book ===== -->

  <xsl:template match="section[tokenize(@class) = 'title-page']" mode="t:typst" priority="5">
    <xsl:call-template name="t:wrap"><xsl:with-param name="call" select="'#titlepage'"/></xsl:call-template>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="section[tokenize(@class) = 'title-page']//h1" mode="t:typst" priority="5">
    <xsl:text>&#10;</xsl:text>
    <xsl:call-template name="t:wrap"><xsl:with-param name="call" select="'#booktitle'"/></xsl:call-template>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- The contents: each entry with a leader and the page it starts on, sections indented. -->
  <xsl:template match="nav[tokenize(@class) = 'contents']" mode="t:typst" priority="5">
    <xsl:call-template name="t:anchor"/>
    <xsl:text>#contents[</xsl:text>
    <xsl:apply-templates select="h1" mode="t:typst"/>
    <xsl:for-each select=".//a[tokenize(@class) = 'toc']">
      <xsl:variable name="target" select="substring(@href, 2)"/>
      <xsl:text>&#10;#toc(</xsl:text>
      <xsl:value-of select="count(ancestor::ol) - 1"/>
      <xsl:text>, </xsl:text>
      <xsl:value-of select="if (t:exists(., $target)) then t:label($target) else 'none'"/>
      <xsl:text>)[</xsl:text>
      <xsl:apply-templates mode="t:typst"/>
      <xsl:text>]</xsl:text>
    </xsl:for-each>
    <xsl:text>]&#10;</xsl:text>
  </xsl:template>

  <!-- A page of the edition: from a new sheet, its title the running head of the pages after its first. -->
  <xsl:template match="section[@data-title]" mode="t:typst" priority="5">
    <xsl:text>&#10;#chapter(</xsl:text>
    <xsl:value-of select="t:string(@data-title)"/>
    <xsl:text>)&#10;</xsl:text>
    <xsl:call-template name="t:anchor"/>
    <xsl:apply-templates mode="t:typst"/>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="section[tokenize(@class) = 'entry']" mode="t:typst" priority="5">
    <xsl:text>&#10;</xsl:text>
    <xsl:call-template name="t:wrap"><xsl:with-param name="call" select="'#entry'"/></xsl:call-template>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- ===== the preamble ===== -->

  <xsl:template name="t:preamble">
    <xsl:text>#set document(title: </xsl:text>
    <xsl:value-of select="t:string($tk:book-title)"/>
    <xsl:text>, author: (</xsl:text>
    <xsl:value-of select="$tk:book-authors[normalize-space()] ! (t:string(.) || ', ')" separator=""/>
    <xsl:text>), date: </xsl:text>
    <xsl:variable name="when" select="xs:dateTime($e:modified)"/>
    <xsl:value-of select="'datetime(year: ' || year-from-dateTime($when) || ', month: ' || month-from-dateTime($when)
                          || ', day: ' || day-from-dateTime($when) || ', hour: ' || hours-from-dateTime($when)
                          || ', minute: ' || minutes-from-dateTime($when) || ', second: '
                          || floor(seconds-from-dateTime($when)) || ')'"/>
    <xsl:text>)&#10;#let book-lang = "</xsl:text>
    <xsl:value-of select="(lower-case(tokenize($e:lang, '-')[1])[matches(., '^[a-z]{2,3}$')], 'en')[1]"/>
    <xsl:text>"&#10;</xsl:text>
    <xsl:value-of select="$t:preamble"/>
  </xsl:template>

  <xsl:variable name="t:preamble" as="xs:string">
#let chapter-mark = &lt;teikit-chapter&gt;
// The running head: the title of the chapter the page is in, none on a chapter's first
// page; none and no page number on the front pages (before the first chapter).
#let running-head = context {
  let page = here().page()
  let marks = query(chapter-mark)
  let current = none
  let opens = false
  for m in marks {
    let p = m.location().page()
    if p &lt; page { current = m.value } else if p == page { opens = true }
  }
  if current != none and not opens {
    align(center, text(size: 8pt, style: "italic", fill: luma(68), hyphenate: false, current))
  }
}
#let page-number = context {
  let marks = query(chapter-mark)
  if marks.len() > 0 and here().page() >= marks.first().location().page() {
    align(center, text(size: 9pt, str(here().page())))
  }
}
#set page(paper: "a5", margin: (top: 20mm, bottom: 22mm, x: 16mm), header: running-head, footer: page-number)
// Lines 1.35em apart. The top edge of a line is high (1.1em above its baseline, leading
// small), so that a note's call raised on a page's first line stays below the top margin.
#set text(font: ("DejaVu Serif",), size: 9.5pt, lang: book-lang, hyphenate: true, top-edge: 1.1em)
// No widow or orphan control: when it moves a paragraph's last or first lines to the next
// page, Typst leaves the footnotes called there on the page before (or sends them on
// without their line); a line alone at a page's head or foot is the lesser fault.
#set text(costs: (widow: 0%, orphan: 0%))
#set par(justify: true, leading: 0.25em, spacing: 0.25em, first-line-indent: 1.2em)
#show heading: set text(hyphenate: false)
#show heading: set par(justify: false)
#show heading: set block(above: 1.1em, below: 0.7em)
#show heading.where(level: 1): set text(size: 15pt)
#show heading.where(level: 1): set block(below: 1.2em)
#show heading.where(level: 2): set text(size: 12pt)
#show heading.where(level: 3): set text(size: 10.5pt)
#show heading.where(level: 4): set text(size: 10pt)
#show heading.where(level: 5): set text(size: 10pt)
#show heading.where(level: 6): set text(size: 10pt)
#set footnote.entry(separator: line(length: 100%, stroke: 0.5pt + luma(136)), clearance: 0.8em, gap: 0.45em, indent: 0pt)
#show footnote.entry: it => {
  set text(size: 7.5pt)
  set par(justify: false, first-line-indent: 0pt, leading: 0.2em)
  [#(it.note.numbering)(1). #it.note.body]
}
#let fn(label, body) = footnote(numbering: (..n) => label, body)
#let chapter(title) = {
  pagebreak(weak: true)
  [#metadata(title)#chapter-mark]
}
#let pageof(target) = context str(locate(target).page())
#let notepage(target) = text(size: 0.9em)[(p. #context str(locate(target).page()))]
#let titlepage(body) = {
  set align(center)
  set par(first-line-indent: 0pt, justify: false)
  v(30mm)
  set text(size: 12pt)
  body
  pagebreak()
}
#let booktitle(body) = block(text(size: 20pt, weight: "bold", body))
#let contents(body) = {
  set par(first-line-indent: 0pt, justify: false)
  set text(hyphenate: false)
  body
  pagebreak()
}
#let toc(depth, target, body) = block(above: 0.45em, below: 0.45em, pad(left: depth * 1.2em, {
  if depth > 0 { set text(size: 0.95em) }
  if target == none { body } else {
    // the leader, the page number and the title's last word are never parted by a line's end
    link(target, body)
    sym.wj
    box(width: 1fr, repeat(gap: 0.15em)[.])
    sym.wj
    context str(locate(target).page())
  }
}))
#let quoted(body) = pad(x: 1.5em, block(text(size: 0.95em, body)))
#let verse(body) = pad(left: 1.5em, block(above: 0.8em, below: 0.8em, body))
#let vline(body) = block(above: 0.2em, below: 0.2em, par(first-line-indent: 0pt, hanging-indent: 1em, justify: false, body))
#let folio(body) = super(text(fill: luma(119), body))
#let lineno(body) = place(top + right, text(size: 0.8em, body))
#let figdesc(body) = block(text(size: 0.85em, style: "italic", body))
#let entry(body) = block(below: 0.8em, {
  set par(first-line-indent: 0pt)
  show heading: set text(size: 10pt)
  show heading: set block(above: 0.6em, below: 0.2em)
  body
})
#let picture(path) = align(center, image(path, fit: "contain"))
#show figure: set block(breakable: false)
</xsl:variable>
</xsl:stylesheet>
