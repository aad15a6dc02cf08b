/**
 * 受理满意度: how satisfied citizens were with how their calls were taken (the operator on the phone, or the web
 * form), which they rate on their follow page once per ticket, apart from the rating of the handling that the three
 * rates count; per day, channel and operator, read from the rollups.
 */
package org.hotline12345.analytics.callsatisfaction;
