# Shared text used outside any single feature.
not-found-next-step = 没有在工会报和服务目录里找到能回答这个问题的内容。可以拨打职工服务热线 12351，或联系当地工会咨询。
hotline = 职工服务热线 12351
sample-marker = 【示例数据】

# 地名：中文照原样。
place-name-district = { $name }
place-name-county = { $name }
place-name-place = { $name }
