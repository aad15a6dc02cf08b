package org.hotline12345.analytics.facts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.hotline12345.contracts.Priority;
import org.hotline12345.referencedata.Category;
import org.hotline12345.referencedata.City;

/**
 * The key words of a caller's question, so that the gaps of the knowledge base (知识缺口) are grouped by the words
 * an article would need: the words of the city's synonym groups found in it, each as its group's official term (断水
 * as 停水), then the rest cut by Lucene's smart Chinese analyser as intake's knowledge search cuts the articles.
 * Words of one character, numbers and the words every question has (怎么, 请问) are left out, and at most
 * {@link #MOST} words are kept: the words, never the caller's sentence.
 *
 * <p>A question is a ticket of a category whose priority in the city's folder is {@code CONSULTATION} (政策咨询).
 */
public final class QuestionWords {

    /** The most words kept of one question: enough to group it, too few to tell the caller's story. */
    public static final int MOST = 8;

    /** Words every question has, which would group every question with every other. */
    private static final Set<String> COMMON = Set.of("怎么", "怎么办", "怎样", "什么", "哪里", "哪个", "哪些", "多久",
            "多少", "可以", "能否", "能不能", "需要", "请问", "我们", "你们", "他们", "自己", "一下", "没有", "如何",
            "为什么", "是否", "这个", "那个", "现在", "时候", "还是", "就是", "已经", "知道", "问问", "咨询", "想问",
            "问题", "情况", "办法", "一个", "不是", "这样", "然后", "因为", "所以", "但是", "要求", "应该");

    private static volatile QuestionWords last;

    private final City city;
    private final Analyzer analyzer;
    private final Set<String> questionCategories;
    /** Every word of the city's synonym groups, longest first, with its group's official term. */
    private final List<Map.Entry<String, String>> official;

    private QuestionWords(City city) {
        this.city = city;
        CharArraySet stopWords = SmartChineseAnalyzer.getDefaultStopSet();
        this.analyzer = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer tokenizer = new HMMChineseTokenizer();
                return new TokenStreamComponents(tokenizer,
                        new StopFilter(new PorterStemFilter(tokenizer), stopWords));
            }
        };
        this.questionCategories = city.categories().stream()
                .filter(category -> category.defaultPriority() == Priority.CONSULTATION)
                .map(Category::code).collect(Collectors.toUnmodifiableSet());
        Map<String, String> terms = new HashMap<>();
        for (List<String> group : city.synonyms()) {
            for (String word : group) {
                terms.putIfAbsent(word, group.get(0));
            }
        }
        // the analyser cuts many of these words in two (断水 into 断 and 水), so they are found in the text whole,
        // the longest first (没有水 before 没水)
        this.official = terms.entrySet().stream().filter(term -> !term.getKey().isBlank())
                .sorted(Comparator.comparingInt((Map.Entry<String, String> term) -> term.getKey().length())
                        .reversed().thenComparing(Map.Entry::getKey))
                .toList();
    }

    /** The words of {@code city}, built once and kept while the city stays the same. */
    public static QuestionWords of(City city) {
        QuestionWords words = last;
        if (words == null || words.city != city) {
            words = new QuestionWords(city);
            last = words;
        }
        return words;
    }

    /** Whether a ticket of {@code category} is a question by the city's folder. */
    public boolean isQuestion(String category) {
        return category != null && questionCategories.contains(category);
    }

    /**
     * The question's key words, each once, at most {@link #MOST}: the city's official terms it used first, then
     * the other words in the order said; empty for no text.
     */
    public List<String> in(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Set<String> words = new LinkedHashSet<>();
        String rest = text;
        for (Map.Entry<String, String> term : official) {
            if (rest.contains(term.getKey())) {
                words.add(term.getValue());
                // what was read as a term is not cut into words again
                rest = rest.replace(term.getKey(), " ");
            }
        }
        for (String word : cut(rest)) {
            if (word.codePointCount(0, word.length()) < 2 || COMMON.contains(word)
                    || word.chars().allMatch(Character::isDigit)) {
                continue;
            }
            words.add(word);
        }
        return words.stream().limit(MOST).toList();
    }

    private List<String> cut(String text) {
        List<String> words = new java.util.ArrayList<>();
        try (TokenStream tokens = analyzer.tokenStream("question", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                words.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }
}
