/** Alibaba Cloud SMS: its signed HTTP API, approved templates and the look-up of a text by its OutId. */
package org.hotline12345.notification.gateway.aliyun;
