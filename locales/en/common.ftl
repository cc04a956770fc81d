# Shared text used outside any single feature.
not-found-next-step = Nothing in the union newspaper or the service catalogue answers this question. Call the workers' hotline 12351 or ask your local trade union.
hotline = Workers' hotline 12351
sample-marker = [SAMPLE DATA]

# A place named in English, with its Chinese name (what signs and addresses show) in brackets.
place-name-district = { $english } District ({ $name })
place-name-county = { $english } County ({ $name })
place-name-place = { $english } ({ $name })
